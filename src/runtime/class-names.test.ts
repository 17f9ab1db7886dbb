import { describe, expect, it } from 'vitest';
import { nameExports, nameRuntimeClass, pythonClassName, pythonTypeName } from './class-names';

describe('class names', () => {
  it('gives a runtime class its explicit name, also as its JS name (the build minifies it)', () => {
    class Xe {}
    nameRuntimeClass(Xe, 'Process');
    expect(pythonClassName(Xe)).toBe('Process');
    expect(pythonTypeName(new Xe())).toBe('Process');
    expect(Xe.name).toBe('Process');
  });

  it("gives a program's own class, and its subclass of a runtime class, the name it wrote", () => {
    class Qe {}
    nameRuntimeClass(Qe, 'Lock');
    class Piao extends Qe {}
    expect(pythonTypeName(new Piao())).toBe('Piao');
    expect(pythonClassName(class {}, '(anonymous)')).toBe('(anonymous)');
    expect(pythonTypeName(Object.create(null) as object)).toBe('object');
  });

  it('names exports by their first export name, keeping a name given before', () => {
    class Ab {}
    class Cd {}
    function ef() {}
    nameRuntimeClass(Cd, 'JoinableQueue');
    nameExports({ Process: Ab, Queue: Cd, sleep: ef, cpus: 2 });
    nameExports({ Other: Ab });
    expect([Ab.name, Cd.name, ef.name]).toEqual(['Process', 'JoinableQueue', 'sleep']);
  });
});
