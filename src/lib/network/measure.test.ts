import { describe, expect, it } from 'vitest';
import { md5Of, median, pingTimes, transferFigures } from './measure';

describe('network measurement maths', () => {
  it('reads busybox ping times and takes their median', () => {
    const out = [
      '64 bytes from 10.0.1.2: seq=0 ttl=64 time=44.435 ms',
      '64 bytes from 10.0.1.2: seq=1 ttl=64 time=3.0 ms',
      '64 bytes from 10.0.1.2: seq=2 ttl=64 time=5.5 ms',
      'round-trip min/avg/max = 3.0/17.6/44.435 ms',
    ].join('\r\n');
    expect(pingTimes(out)).toEqual([44.435, 3, 5.5]);
    expect(median(pingTimes(out))).toBe(5.5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('finds an md5sum in output and turns a transfer into MB/s and instructions per byte', () => {
    const sum = '2b56017882b8a9bb3ad1088f1e67431b';
    expect(md5Of(`nc -l -p 5001 | md5sum\r\n${sum}  -\r\n`, '-')).toBe(sum);
    expect(md5Of('no sum here', '-')).toBeNull();
    // The terminal's answer to the shell's cursor query, echoed before the sum (seen in CI).
    const late = `dd if=/dev/urandom of=/tmp/aula-net; md5sum /tmp/aula-net\r\n^[[32;13R${sum}  /tmp/aula-net\r\n`;
    expect(md5Of(late, '/tmp/aula-net')).toBe(sum);
    // Another file's sum, or 33 hex digits, is not it.
    expect(md5Of(`${sum}  /tmp/other\r\n`, '/tmp/aula-net')).toBeNull();
    expect(md5Of(`f${sum}  -\r\n`, '-')).toBeNull();
    expect(transferFigures(4_000_000, 2000, 8_000_000_000)).toEqual({
      throughputMBps: 2,
      instructionsPerByte: 2000,
    });
  });
});
