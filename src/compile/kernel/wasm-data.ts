/**
 * A kernel's static data, taken out of its WebAssembly binary. Every process instantiates a
 * user's kernel over the run's one shared memory, and an instance writes its active data
 * segments at instantiation: a process starting late would write a kernel's static data again
 * over what the running processes had stored there. So the compiler takes the segments out;
 * the page writes them into the heap once, before the run's first process starts, and the
 * processes share the data from then on as they share any other memory.
 */

/** One segment: its bytes, to be written at `offset` of the shared memory. */
export interface DataSegment {
  offset: number;
  bytes: Uint8Array;
}

const DATA_SECTION = 11;
const DATA_COUNT_SECTION = 12;
const I32_CONST = 0x41;
const END = 0x0b;

/** The binary without its data (and data count) sections, and the active segments it had. */
export function splitDataSegments(wasm: Uint8Array): { code: Uint8Array; segments: DataSegment[] } {
  const reader = new Reader(wasm, 8); // past the magic number and version
  const kept: Uint8Array[] = [wasm.subarray(0, 8)];
  let segments: DataSegment[] = [];
  while (reader.at < wasm.length) {
    const start = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    const body = new Reader(wasm.subarray(reader.at, reader.at + size), 0);
    reader.at += size;
    if (id === DATA_SECTION) segments = readSegments(body);
    else if (id !== DATA_COUNT_SECTION) kept.push(wasm.subarray(start, reader.at));
  }
  const code = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of kept) {
    code.set(part, at);
    at += part.length;
  }
  return { code, segments };
}

function readSegments(reader: Reader): DataSegment[] {
  const count = reader.u32();
  const segments: DataSegment[] = [];
  for (let i = 0; i < count; i++) {
    const flags = reader.u32();
    if (flags === 1) throw new Error('a passive data segment (only active ones can be moved out)');
    if (flags === 2 && reader.u32() !== 0) throw new Error('a data segment for a second memory');
    if (flags > 2) throw new Error(`a data segment of an unknown kind (${flags})`);
    if (reader.byte() !== I32_CONST) throw new Error('a data segment at a computed offset');
    const offset = reader.i32();
    if (reader.byte() !== END) throw new Error('a data segment at a computed offset');
    const length = reader.u32();
    segments.push({ offset, bytes: reader.bytes(length) });
  }
  return segments;
}

/** LEB128 and bytes, from a position. */
class Reader {
  constructor(
    private readonly data: Uint8Array,
    public at: number,
  ) {}

  byte(): number {
    if (this.at >= this.data.length) throw new Error('the binary ends early');
    return this.data[this.at++];
  }

  u32(): number {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
    }
  }

  i32(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      result |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return shift < 32 && b & 0x40 ? result | (-1 << shift) : result;
  }

  bytes(length: number): Uint8Array {
    if (this.at + length > this.data.length) throw new Error('the binary ends early');
    const out = this.data.slice(this.at, this.at + length);
    this.at += length;
    return out;
  }
}
