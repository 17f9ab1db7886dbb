import type * as estree from 'estree';

/**
 * Where the program constructs something and keeps it under a name: `const lockA = new Lock()`,
 * `this.lock = new Lock()`, a class field `lock = new Lock()`. The runtime finds a new
 * object's construction site from the stack (line:column of the `new`) and uses the name to
 * label it in traces and deadlock reports.
 */
export function namedConstructionSites(program: estree.Program): Record<string, string> {
  const sites: Record<string, string> = {};
  const visit = (node: estree.Node): void => {
    const pair = namedNew(node);
    if (pair) {
      const [name, expr] = pair;
      const { line, column } = expr.loc!.start;
      sites[`${line}:${column + 1}`] = name;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(program);
  return sites;
}

function namedNew(node: estree.Node): [string, estree.NewExpression] | undefined {
  switch (node.type) {
    case 'VariableDeclarator':
      if (node.id.type === 'Identifier' && node.init?.type === 'NewExpression') {
        return [node.id.name, node.init];
      }
      return undefined;
    case 'AssignmentExpression': {
      const name = targetName(node.left);
      return name && node.right.type === 'NewExpression' ? [name, node.right] : undefined;
    }
    case 'PropertyDefinition':
      if (node.key.type === 'Identifier' && node.value?.type === 'NewExpression') {
        return [node.key.name, node.value];
      }
      return undefined;
    default:
      return undefined;
  }
}

function targetName(node: estree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    return node.property.name;
  }
  return undefined;
}

function isNode(value: unknown): value is estree.Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
