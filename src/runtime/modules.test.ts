import { expect, it } from 'vitest';
import { MODULE_NAMES } from './module-names';
import { MODULES } from './modules';

it('the compiler accepts exactly the modules the runtime loads', () => {
  expect(Object.keys(MODULES).sort()).toEqual([...MODULE_NAMES].sort());
});
