// A small WebDriver client over Node's fetch: just what the end-to-end test needs.
export class Session {
  constructor(base, id) { this.base = base; this.id = id; }

  static async start(base, application) {
    const caps = { browserName: 'wry', 'tauri:options': { application } };
    const r = await fetch(`${base}/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: caps }, desiredCapabilities: caps }),
    });
    const body = await r.json();
    const id = body.value?.sessionId ?? body.sessionId;
    if (!id) throw new Error(`no session: ${JSON.stringify(body)}`);
    return new Session(base, id);
  }

  /** A session of any WebDriver (chromedriver for the phone's page) with these capabilities. */
  static async startWith(base, caps) {
    const r = await fetch(`${base}/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: caps } }),
    });
    const body = await r.json();
    const id = body.value?.sessionId ?? body.sessionId;
    if (!id) throw new Error(`no session: ${JSON.stringify(body)}`);
    return new Session(base, id);
  }

  async cmd(method, path, body) {
    const r = await fetch(`${this.base}/session/${this.id}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
    });
    const json = await r.json();
    if (json.value && json.value.error) throw new Error(`${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  /** Waits (polling every `pollMs`, bounded) until `css` matches an element, and returns its id. */
  async find(css, timeoutMs = 10000, pollMs = 100) {
    const until = Date.now() + timeoutMs;
    let last;
    while (Date.now() < until) {
      try {
        const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
        return Object.values(v)[0];
      } catch (e) { last = e; }
      await new Promise((r) => setTimeout(r, pollMs));
    }
    throw new Error(`element ${css} not found: ${last}`);
  }

  async click(css) { await this.cmd('POST', `/element/${await this.find(css)}/click`, {}); }
  async type(css, text) {
    const el = await this.find(css);
    await this.cmd('POST', `/element/${el}/clear`, {});
    await this.cmd('POST', `/element/${el}/value`, { text, value: [...text] });
  }
  async text(css) { return this.cmd('GET', `/element/${await this.find(css)}/text`); }
  async select(css, value) { await this.click(`${css} option[value="${value}"]`); }
  async exec(script, args = []) { return this.cmd('POST', '/execute/sync', { script, args }); }

  /** Polls `check` (an async predicate on the page's text at `css`) until it holds. */
  async waitText(css, check, timeoutMs = 10000) {
    const until = Date.now() + timeoutMs;
    let seen = '';
    while (Date.now() < until) {
      try { seen = await this.text(css); if (check(seen)) return seen; } catch { /* not yet rendered */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`text of ${css} never matched; last seen: ${seen}`);
  }

  async screenshot(file) {
    const { writeFileSync } = await import('node:fs');
    // Two animation frames: the picture shows what the last command changed, not the frame before.
    await this.cmd('POST', '/execute/async', {
      script: 'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));',
      args: [],
    });
    writeFileSync(file, Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'));
  }

  async stop() { await fetch(`${this.base}/session/${this.id}`, { method: 'DELETE' }).catch(() => {}); }
}
