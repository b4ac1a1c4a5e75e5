// The composition root: the machine starts loading before the UI is drawn, so its downloads,
// the wasm compile and v86's JS overlap with Svelte's first render.
import { mount } from 'svelte';
import { libraryUrl, wasmUrl } from 'virtual:v86';
import App from './App.svelte';
import { Machine } from './lib/vm/Machine.svelte';
import { Snapshots } from './lib/snapshots/Snapshots.svelte';
import { Benchmark } from './lib/bench/Benchmark.svelte';
import { Offline } from './lib/offline/Offline.svelte';
import { Kiosk } from './lib/kiosk/Kiosk.svelte';
import { locale } from './lib/i18n/locale.svelte';
import './app.css';

const imagesBase = new URL('images/', document.baseURI);
const machine = new Machine({
  imagesBase,
  wasmUrl: new URL(wasmUrl, document.baseURI).href,
  libraryUrl: new URL(libraryUrl, document.baseURI).href,
  v86Version: __V86_VERSION__,
});
const params = new URL(location.href).searchParams;
const autostart = params.get('autostart') !== '0';
// ?boot=cold: the whole boot from the BIOS instead of the pre-booted state
if (autostart) void machine.start(undefined, { cold: params.get('boot') === 'cold' });

const snapshots = new Snapshots(machine, () =>
  new Intl.DateTimeFormat(locale.current, { dateStyle: 'short', timeStyle: 'medium' }).format(
    new Date(),
  ),
);

const bench = new Benchmark(machine, imagesBase);
const offline = new Offline();
const kiosk = new Kiosk(machine, snapshots);
void kiosk.init(params.has('kiosk'));

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, {
  target,
  props: { machine, snapshots, bench, offline, kiosk, autostart },
});
