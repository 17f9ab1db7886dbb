import { readFileSync } from 'node:fs';
import { encodeProgram } from '../../src/share/codec';
import { shareUrl } from '../../src/share/links';
import type { Measure } from './measure';

/**
 * The share link of the ticket-sale lesson (p59, the unlocked sale), as the Share button makes
 * it on the served site: same codec (Node's deflate is the browsers' zlib), same origin.
 */
const ticketSaleLink: Measure = {
  name: 'share_link_length_p59',
  unit: 'chars',
  target: '< 1000',
  ok: (v) => v < 1000,
  async run(page) {
    const source = readFileSync(
      new URL('../../src/examples/programs/p59.ts', import.meta.url),
      'utf8',
    );
    const base = new URL('./', page.url()).href;
    const link = shareUrl(base, { code: await encodeProgram(source), lesson: 'p59', lang: 'zh' });
    return link.length;
  },
};

export const shareMeasures: Measure[] = [ticketSaleLink];
