// The composition root: the lab (its machines and services) is created and started before the
// UI is drawn, so its downloads, the wasm compile and v86's JS overlap with Svelte's first render.
import { mount, unmount } from 'svelte';
import { libraryUrl, wasmUrl } from 'virtual:v86';
import App from './App.svelte';
import { Lab } from './lib/lab/Lab.svelte';
import { parseLabParams } from './lib/lab/params';
import { Workspace, localLayoutMemory, pageAddress } from './lib/workspace/Workspace.svelte';
import './app.css';

const params = parseLabParams(location.search);
const lab = new Lab({
  imagesBase: new URL('images/', document.baseURI),
  wasmUrl: new URL(wasmUrl, document.baseURI).href,
  libraryUrl: new URL(libraryUrl, document.baseURI).href,
  v86Version: __V86_VERSION__,
  appVersion: __APP_VERSION__,
  params,
});
lab.start();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const workspace = new Workspace({
  memory: localLayoutMemory(),
  address: pageAddress(),
  tool: params.tool,
});
const app = mount(App, { target, props: { lab, workspace } });

// The dev server's hot reload replaces this module: the old lab goes with the old page.
import.meta.hot?.dispose(() => {
  void unmount(app);
  lab.destroy();
});
export default app;
