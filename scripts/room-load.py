# Load on `thidua meeting serve` from a second process: 15 members sending their whole sheet 20
# times at once over loopback, each from its own address (127.0.0.2, …, as phones in a room have their
# own); prints p50/p99 and the server's peak memory (VmHWM). Usage: scripts/room-load.py path/to/thidua
import json, subprocess, sys, tempfile, os, threading, time, http.client, urllib.parse
T = sys.argv[1]
d = tempfile.mkdtemp(); db = os.path.join(d, 'r.sqlite3')
def t(*a): return subprocess.run([T, '--db', db, '--user', 'Thư ký', *a], check=True, capture_output=True, text=True).stdout
t('init', '--example'); t('import', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'nominations-example.csv')); t('appraise', '--accept-all')
for i in range(15): t('members', 'add', f'Thành viên {i:02}', '--role', 'Chủ tịch Hội đồng' if i == 0 else 'Ủy viên')
t('meeting', 'open', '--date', '2024-01-08')
p = subprocess.Popen([T, '--db', db, 'meeting', 'serve', '--bind', '127.0.0.1', '--json'], stdout=subprocess.PIPE, text=True)
links = [json.loads(p.stdout.readline()) for _ in range(15)]
lat = []; lock = threading.Lock(); errors = []
def member(link, src):
    u = urllib.parse.urlparse(link['url'])
    c = http.client.HTTPConnection(u.hostname, u.port, source_address=(src, 0)); c.request('GET', u.path); r = c.getresponse(); r.read()
    cookie = r.getheader('set-cookie').split(';')[0]
    c = http.client.HTTPConnection(u.hostname, u.port, source_address=(src, 0)); c.request('GET', '/api/phieu', headers={'Cookie': cookie}); sheet = json.loads(c.getresponse().read())
    cells = [{'nomination': n['id'], 'criterion': k['label'], 'points': '5'} for n in sheet['nominees'] for k in n['criteria']]
    body = json.dumps({'scores': cells})
    for _ in range(20):
        s = time.perf_counter()
        c = http.client.HTTPConnection(u.hostname, u.port, source_address=(src, 0))
        c.request('POST', '/api/phieu', body=body, headers={'Cookie': cookie, 'Content-Type': 'application/json'})
        r = c.getresponse(); r.read()
        with lock:
            lat.append(time.perf_counter() - s)
            if r.status != 200: errors.append(r.status)
ths = [threading.Thread(target=member, args=(l, f'127.0.0.{i+2}')) for i, l in enumerate(links)]
[x.start() for x in ths]; [x.join() for x in ths]
status = open(f'/proc/{p.pid}/status').read()
hwm = [l for l in status.splitlines() if l.startswith(('VmHWM', 'VmRSS'))]
p.terminate(); p.wait()
lat.sort()
print(f'{len(lat)} submissions, errors {errors}, p50 {lat[len(lat)//2]*1000:.1f} ms, p99 {lat[int(len(lat)*0.99)]*1000:.1f} ms, max {lat[-1]*1000:.1f} ms;', '; '.join(hwm))
rank = json.loads(t('ranking', '--json'))
print('sheets counted per nominee:', sorted(set(r['counted'] for r in rank)), 'nominees', len(rank))
