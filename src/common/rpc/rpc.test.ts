import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient, RpcError, serveRpc, transfer } from './rpc';

type Api = {
  double: { args: number; result: number };
  fill: { args: { size: number }; result: ArrayBuffer };
  keep: { args: ArrayBuffer; result: number };
  refuse: { args: null; result: never };
  throwPlain: { args: null; result: never };
  never: { args: null; result: never };
  ping: { args: string; result: void };
};
type Reports = { tick: number };

class Refusal extends Error {
  constructor(readonly field: string) {
    super(`bad ${field}`);
  }
}

const channels: MessageChannel[] = [];
function pair() {
  const channel = new MessageChannel();
  channels.push(channel);
  const server = serveRpc<Api, Reports>(
    channel.port2,
    {
      double: (n) => n * 2,
      fill: ({ size }) => {
        const buffer = new Uint8Array(size).fill(7).buffer;
        return transfer(buffer, [buffer]);
      },
      keep: (buffer) => buffer.byteLength,
      refuse: () => {
        throw new Refusal('name');
      },
      throwPlain: () => {
        throw new Error('plain');
      },
      never: () => new Promise<never>(() => undefined),
      ping: (text) => {
        if (text === 'boom') throw new Error('notification failed');
        server.emit('tick', text.length);
      },
    },
    (error) =>
      error instanceof Refusal
        ? { code: 'refused', message: error.message, detail: { field: error.field } }
        : null,
  );
  const client = new RpcClient<Api, Reports>(channel.port1);
  return { client, server, channel };
}

afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

describe('RpcClient and serveRpc', () => {
  it('answers each call by its id, whatever order they finish in', async () => {
    const { client } = pair();
    const answers = await Promise.all([client.call('double', 2), client.call('double', 21)]);
    expect(answers).toEqual([4, 42]);
    expect(client.pending).toBe(0);
  });

  it('moves buffers both ways instead of copying them', async () => {
    const { client } = pair();
    const sent = new ArrayBuffer(1024);
    await expect(client.call('keep', sent, { transfer: [sent] })).resolves.toBe(1024);
    expect(sent.byteLength).toBe(0); // detached here: it was moved
    const got = await client.call('fill', { size: 16 });
    expect(new Uint8Array(got)).toEqual(new Uint8Array(16).fill(7));
  });

  it('turns a typed failure into an RpcError with its code and detail', async () => {
    const { client } = pair();
    const error = await client.call('refuse', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({
      code: 'refused',
      message: 'bad name',
      detail: { field: 'name' },
    });
    await expect(client.call('throwPlain', null)).rejects.toMatchObject({
      code: 'failed',
      message: 'plain',
    });
    await expect(client.call('nope' as 'double', 1)).rejects.toMatchObject({ code: 'failed' });
  });

  it('gives up on a call after its time limit, and ignores a late answer', async () => {
    const { client } = pair();
    await expect(client.call('never', null, { timeoutMs: 20 })).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(client.pending).toBe(0);
    await expect(client.call('double', 5, { timeoutMs: 1000 })).resolves.toBe(10);
  });

  it('delivers events and reports failed notifications as crashes', async () => {
    const { client } = pair();
    const ticks: number[] = [];
    const off = client.on('tick', (n) => ticks.push(n));
    const crashes: RpcError[] = [];
    client.onCrash((e) => crashes.push(e));
    client.notify('ping', 'abc');
    client.notify('ping', 'boom');
    await expect.poll(() => crashes.length).toBe(1);
    expect(ticks).toEqual([3]);
    expect(crashes[0]).toMatchObject({ code: 'crashed', message: 'notification failed' });
    off();
    client.notify('ping', 'abcd');
    await client.call('double', 1); // after the notification, in order
    expect(ticks).toEqual([3]);
  });

  it('fails every open call, and every later one, once terminated', async () => {
    const { client } = pair();
    const open = client.call('never', null);
    client.terminate();
    await expect(open).rejects.toMatchObject({ code: 'terminated' });
    await expect(client.call('double', 1)).rejects.toMatchObject({ code: 'terminated' });
    expect(client.pending).toBe(0);
  });

  it('replays what the worker said before the client listened, in order', () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const client = new RpcClient<Api, Reports>(channel.port1);
    const ticks: number[] = [];
    client.on('tick', (n) => ticks.push(n));
    client.replay([
      { rpc: 'event', name: 'tick', data: 1 },
      { rpc: 'event', name: 'tick', data: 2 },
    ]);
    expect(ticks).toEqual([1, 2]);
  });
});
