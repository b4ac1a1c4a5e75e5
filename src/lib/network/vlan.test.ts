import { describe, expect, it } from 'vitest';
import { tag, untag, vlanOf } from './vlan';
import { arpRequest } from './testFrames.testing';

describe('802.1Q tags', () => {
  it('tags a frame with a VLAN id, reads it back and removes it again', () => {
    const plain = arpRequest('02:86:00:00:00:01', '10.0.1.1', '10.0.1.2');
    expect(vlanOf(plain)).toBeNull();
    const tagged = tag(plain, 2);
    expect(tagged.length).toBe(plain.length + 4);
    expect([...tagged.subarray(12, 16)]).toEqual([0x81, 0x00, 0x00, 0x02]);
    expect(vlanOf(tagged)).toBe(2);
    expect(untag(tagged)).toEqual(plain);
  });
});
