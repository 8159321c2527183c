import { utf8Bytes } from '../../../src/core/text/bytes';

describe('utf8Bytes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['客户', 6],
    ['😀', 4],
    ['a😀客é', 10],
    // A lone surrogate is encoded as U+FFFD (3 bytes), as TextEncoder and Buffer do.
    ['\ud800', 3],
    ['\udc00x', 4],
  ])('%j is %i bytes, as Buffer counts them', (text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});
