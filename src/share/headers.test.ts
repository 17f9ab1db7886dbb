import { describe, expect, it } from 'vitest';
import { headersFor, kindOfPath, staticHostHeaders } from './headers';

/** A policy as directive -> sources. */
function csp(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('headers', () => {
  it('every response isolates: DIP for embeds, COOP/COEP for top level, CORP for embedders', () => {
    for (const kind of ['document', 'script'] as const) {
      expect(headersFor(kind)).toMatchObject({
        'Document-Isolation-Policy': 'isolate-and-require-corp',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      });
    }
    expect(Object.keys(headersFor('document', false))).toEqual(['Content-Security-Policy']);
  });

  it("a Worker's policy lets it load only the bundle, evaluate programs, and reach nothing", () => {
    const policy = csp(headersFor('script')['Content-Security-Policy']);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(['data:']); // Binaryen's inline helper, no host
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
  });

  it("the page's policy allows its bundle and wasm, and no other origin, and any embedder", () => {
    const policy = csp(headersFor('document')['Content-Security-Policy']);
    expect(policy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toBeUndefined();
    expect(Object.values(policy).flat().join(' ')).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });

  it('tells pages from scripts by path', () => {
    for (const page of ['/', '/index.html', '/run.html', '/run', '/repo/', '/@vite/client']) {
      expect(kindOfPath(page), page).toBe('document');
    }
    for (const script of ['/assets/worker-main-x1.js', '/src/runtime/worker-main.ts']) {
      expect(kindOfPath(script), script).toBe('script');
    }
    // It fetches the site for the page: a Worker's connect-src 'none' would stop it.
    expect(kindOfPath('/repo/coi-sw.js')).toBe('service-worker');
    expect(headersFor('service-worker')['Content-Security-Policy']).toBeUndefined();
  });

  it('the _headers file gives each path one policy (hosts join the values of matching rules)', () => {
    const text = staticHostHeaders(['/', '/run.html']);
    const rules = text.split('\n\n').map((block) => {
      const [path, ...lines] = block.split('\n');
      return { path, lines: lines.map((line) => line.trim()) };
    });
    expect(rules.map((r) => r.path)).toEqual(['/*', '/assets/*', '/', '/run.html']);
    for (const rule of rules) expect(rule.lines.every((l) => /^[\w-]+: \S/.test(l))).toBe(true);
    const policies = rules.filter((r) => r.lines.some((l) => l.startsWith('Content-Security')));
    expect(policies.map((r) => r.path)).toEqual(['/assets/*', '/', '/run.html']);
    expect(rules[0].lines).toContain('Document-Isolation-Policy: isolate-and-require-corp');
  });
});
