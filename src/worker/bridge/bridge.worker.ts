// The bridge worker: the lab's link to its other tabs, off the page's main thread (serve.ts).
import type { RpcPort } from '../../common/rpc/rpc';
import { serveBridge } from './serve';

serveBridge(self as unknown as RpcPort);
