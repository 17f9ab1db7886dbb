import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, readLinkOptions, shareUrl } from './links';

const BASE = 'https://play.example/';

describe('reading a playground URL', () => {
  it('has defaults for a bare URL: no program, full playground, editor and console', () => {
    expect(readLinkOptions(BASE)).toEqual({
      code: null,
      lesson: null,
      embed: false,
      readonly: false,
      autorun: false,
      theme: null,
      lang: null,
      panels: ['editor', 'console'],
      openLink: true,
      id: null,
      races: null,
      schedule: null,
    });
  });

  it('reads the program from the fragment, and the fragment before the query', () => {
    expect(readLinkOptions(`${BASE}?lesson=p27#code=1.abc`)).toMatchObject({
      code: '1.abc',
      lesson: 'p27',
    });
    expect(readLinkOptions(`${BASE}?code=1.query#code=1.fragment`).code).toBe('1.fragment');
    expect(readLinkOptions(`${BASE}?code=1.query`).code).toBe('1.query');
  });

  it('never autoruns or locks the editor outside an embed', () => {
    const full = readLinkOptions(`${BASE}?autorun&readonly&panels=console&open=0#code=1.x`);
    expect(full).toMatchObject({ embed: false, autorun: false, readonly: false, openLink: true });
    expect(full.panels).toEqual(['editor', 'console']);
  });

  it('reads an embed’s choices: bare flags are on, 0/false/no are off', () => {
    const embed = readLinkOptions(
      `${BASE}?embed&readonly&autorun=1&theme=DARK&lang=zh&panels=timeline,%20console,bogus&open=0&id=ex1`,
    );
    expect(embed).toMatchObject({
      embed: true,
      readonly: true,
      autorun: true,
      theme: 'dark',
      lang: 'zh',
      panels: ['console', 'timeline'],
      openLink: false,
      id: 'ex1',
    });
    const off = readLinkOptions(`${BASE}?embed=1&readonly=0&autorun=false&open=no&panels=`);
    expect(off).toMatchObject({ readonly: false, autorun: false, openLink: false });
    expect(off.panels).toEqual(['editor', 'console']);
    expect(readLinkOptions(`${BASE}?embed=0&autorun`)).toMatchObject({
      embed: false,
      autorun: false,
    });
  });

  it('reads race detection as on, off, or unset (the lesson decides)', () => {
    expect(readLinkOptions(`${BASE}?races=1`).races).toBe(true);
    expect(readLinkOptions(`${BASE}?races`).races).toBe(true);
    expect(readLinkOptions(`${BASE}?races=0`).races).toBe(false);
    expect(readLinkOptions(`${BASE}?races=1#races=0`).races).toBe(false);
    expect(readLinkOptions(`${BASE}?lesson=p41`).races).toBeNull();
  });

  it('ignores a theme or language it does not know', () => {
    expect(readLinkOptions(`${BASE}?theme=neon&lang=fr`)).toMatchObject({
      theme: null,
      lang: null,
    });
  });
});

describe('writing links', () => {
  it('a share link keeps lesson and language in the query and the program in the fragment', () => {
    const url = shareUrl(`${BASE}index.html?embed=1&autorun#code=old`, {
      code: '1.new-_x',
      lesson: 'p59',
      lang: 'zh',
    });
    expect(url).toBe(`${BASE}index.html?lesson=p59&lang=zh#code=1.new-_x`);
    expect(readLinkOptions(url)).toMatchObject({ code: '1.new-_x', lesson: 'p59', embed: false });
    expect(shareUrl(BASE, { lesson: 'p01' })).toBe(`${BASE}?lesson=p01`);
  });

  it('a link says races=1 or races=0 only when told, and reads back the same', () => {
    const on = shareUrl(BASE, { code: '1.x', races: true });
    expect(on).toBe(`${BASE}?races=1#code=1.x`);
    expect(readLinkOptions(on).races).toBe(true);
    expect(readLinkOptions(shareUrl(BASE, { lesson: 'p41', races: false })).races).toBe(false);
    expect(shareUrl(BASE, { lesson: 'p01', races: null })).toBe(`${BASE}?lesson=p01`);
    const embedded = embedUrl(BASE, { code: '1.x', races: true }, { autorun: true });
    expect(readLinkOptions(embedded)).toMatchObject({ embed: true, races: true });
  });

  it('a link carries a schedule in its query, and reads it back as written', () => {
    const url = shareUrl(BASE, { code: '1.x', schedule: '1f.k2.0*3-1-2*2' });
    expect(url).toBe(`${BASE}?schedule=1f.k2.0*3-1-2*2#code=1.x`);
    expect(readLinkOptions(url).schedule).toBe('1f.k2.0*3-1-2*2');
    expect(shareUrl(BASE, { code: '1.x', schedule: null })).toBe(`${BASE}#code=1.x`);
    expect(readLinkOptions(`${BASE}?schedule=`).schedule).toBeNull();
  });

  it('an embed URL reads back as the choices it was made from', () => {
    const url = embedUrl(
      BASE,
      { code: '1.abc', lesson: 'p27', lang: 'en' },
      { readonly: true, autorun: true, theme: 'light', panels: ['console'], id: 'a b' },
    );
    expect(readLinkOptions(url)).toMatchObject({
      code: '1.abc',
      lesson: 'p27',
      lang: 'en',
      embed: true,
      readonly: true,
      autorun: true,
      theme: 'light',
      panels: ['console'],
      id: 'a b',
    });
  });

  it('the embed snippet is one iframe, isolated-capable, unsandboxed, with its src escaped', () => {
    const src = `${BASE}?embed=1&lesson=p27#code=1.abc`;
    const html = embedSnippet(src, 500);
    expect(html).toContain(`src="${BASE}?embed=1&amp;lesson=p27#code=1.abc"`);
    expect(html).toContain('allow="cross-origin-isolated');
    expect(html).toContain('height="500"');
    expect(html).not.toContain('sandbox');
    expect(html.match(/<iframe/g)).toHaveLength(1);
  });
});
