import type * as estree from 'estree';
import type { Edit } from './edits';

/** The compiled program's name for the runtime's line register (race/line-register.ts). */
export const LINE_REGISTER = '__pgLine';

type Located = estree.Node & { start: number; end: number };

/**
 * Edits that keep the runtime told which line of the program is running, for reports that name
 * the line of a shared read or write (race detection): `__pgLine.line = N;` before every
 * statement, in loop tests and updates, and in arrow functions' expression bodies; and every
 * call (`new`, `await`, `yield`, tagged templates too) wrapped as `__pgLine.back(call, N)`, which
 * sets the line back once the callee's own statements have moved it. A stack trace per access
 * would say the same at some microseconds each; this costs a property store.
 *
 * Not marked: for-of's own iteration (an element read by `for (x of arr)` is named by the line
 * the previous iteration ended on) and getters the program defines and calls implicitly.
 */
export function lineMarks(program: estree.Program): Edit[] {
  const edits: Edit[] = [];
  // Inserts at one place apply in the order pushed: starts go in as nodes are entered (outer
  // first), ends as they are left (inner first), so wraps that share an end nest correctly.
  let ends: Edit[] = [];
  const set = (line: number) => `${LINE_REGISTER}.line = ${line}; `;
  const lineOf = (node: estree.Node) => node.loc!.start.line;
  const insert = (at: number, text: string) => edits.push({ start: at, end: at, text });
  const wrap = (node: estree.Node, before: string, after: string) => {
    const { start, end } = node as Located;
    insert(start, before);
    ends.push({ start: end, end, text: after });
  };
  const markStatements = (statements: readonly estree.Node[]) => {
    for (const s of statements) {
      if (!isMarkable(s)) continue;
      insert((s as Located).start, set(lineOf(s)));
    }
  };
  const markBody = (body: estree.Statement) => {
    if (body.type === 'BlockStatement' || !isMarkable(body)) return;
    wrap(body, `{ ${set(lineOf(body))}`, ' }');
  };
  const markExpression = (expr: estree.Node | null | undefined) => {
    if (expr) wrap(expr, `(${LINE_REGISTER}.line = ${lineOf(expr)}, `, ')');
  };
  /** Calls on a chain's spine (`a?.b().c()`) stay as they are: the chain is wrapped whole. */
  const chainCalls = new Set<estree.Node>();

  const visit = (node: estree.Node): void => {
    const outer = ends;
    ends = [];
    switch (node.type) {
      case 'Program':
      case 'BlockStatement':
      case 'StaticBlock':
        markStatements(node.body);
        break;
      case 'SwitchCase':
        markStatements(node.consequent);
        break;
      case 'IfStatement':
        markBody(node.consequent);
        if (node.alternate) markBody(node.alternate);
        break;
      case 'ForStatement':
        markExpression(node.test);
        markExpression(node.update);
        markBody(node.body);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
        markExpression(node.test);
        markBody(node.body);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        markBody(node.body);
        break;
      case 'ArrowFunctionExpression':
        if (node.expression) markExpression(node.body);
        break;
      case 'PropertyDefinition':
        markExpression(node.value);
        break;
      case 'ChainExpression': {
        let calls = false;
        for (let n: estree.Node = node.expression; ;) {
          if (n.type === 'CallExpression') {
            chainCalls.add(n);
            calls = true;
            n = n.callee;
          } else if (n.type === 'MemberExpression') {
            n = n.object;
          } else {
            break;
          }
        }
        if (calls) wrapCall(node);
        break;
      }
      case 'CallExpression':
        if (!chainCalls.has(node)) wrapCall(node);
        break;
      case 'NewExpression':
      case 'AwaitExpression':
      case 'YieldExpression':
      case 'TaggedTemplateExpression':
        wrapCall(node);
        break;
    }
    for (const key in node) {
      if (key === 'loc') continue;
      const value: unknown = node[key as keyof estree.Node];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
    edits.push(...ends.reverse());
    ends = outer;
  };
  const wrapCall = (node: estree.Node) =>
    wrap(node, `${LINE_REGISTER}.back(`, `, ${node.loc!.start.line})`);

  visit(program);
  return edits;
}

/**
 * Statements before which a mark may stand: not imports and exports (the compile step rewrites
 * those), nor declarations of functions and classes (nothing runs there), nor directives.
 */
function isMarkable(node: estree.Node): boolean {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportAllDeclaration':
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'EmptyStatement':
      return false;
    case 'ExpressionStatement':
      return !('directive' in node && node.directive);
    default:
      return true;
  }
}

function isNode(value: unknown): value is estree.Node {
  return (
    typeof value === 'object' && value !== null && typeof (value as estree.Node).type === 'string'
  );
}
