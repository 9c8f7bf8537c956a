import { mount } from 'svelte';
import App from './App.svelte';
import { api } from './lib/api';
import './app.css';

// Start-up marks (read by tests/e2e/measure-beside.mjs): the page's script running, then the
// shell mounted; Overview marks its data asked and shown.
performance.mark('thidua:script');
// The first screen's figures are asked at once: the shell reads them while the page draws.
const early = api.overview();
early.catch(() => {}); // the overview shows the error itself
mount(App, { target: document.getElementById('app')!, props: { early } });
performance.mark('thidua:mounted');
