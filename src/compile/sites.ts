import type * as estree from 'estree';

/**
 * Where the program constructs something and keeps it under a name: `const lockA = new Lock()`,
 * `this.lock = new Lock()`, a class field `lock = new Lock()`, an element of a named array
 * (`const locks = [new Lock(), new Lock()]` gives `locks[0]`, `locks[1]`). Objects made one
 * after another at one place and kept in an array (`forks.push(new Lock())`,
 * `const forks = Array.from({ length: 5 }, () => new Lock())`, `.map(() => new Lock())`) get
 * `forks[]`: the runtime fills in how many that place had made before (`forks[2]`). The runtime
 * finds a new object's construction site from the stack (line:column of the `new`) and uses the
 * name to label it in traces and reports.
 */
export function namedConstructionSites(program: estree.Program): Record<string, string> {
  const sites: Record<string, string> = {};
  const visit = (node: estree.Node): void => {
    for (const [name, expr] of namedNews(node)) {
      const { line, column } = expr.loc!.start;
      sites[`${line}:${column + 1}`] = name;
    }
    for (const key in node) {
      const value: unknown = node[key as keyof estree.Node];
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

type Named = [string, estree.NewExpression][];

function namedNews(node: estree.Node): Named {
  switch (node.type) {
    case 'VariableDeclarator':
      return node.id.type === 'Identifier' && node.init ? keptAs(node.id.name, node.init) : [];
    case 'AssignmentExpression': {
      const name = targetName(node.left);
      return name ? keptAs(name, node.right) : [];
    }
    case 'PropertyDefinition':
      return node.key.type === 'Identifier' && node.value ? keptAs(node.key.name, node.value) : [];
    case 'CallExpression': {
      // forks.push(new Lock())
      const { callee } = node;
      if (callee.type !== 'MemberExpression' || !isProperty(callee, 'push')) return [];
      const name = targetName(callee.object);
      return name ? node.arguments.filter(isNew).map((arg) => [`${name}[]`, arg]) : [];
    }
    default:
      return [];
  }
}

/** The objects `value` constructs when it is stored under `name`. */
function keptAs(name: string, value: estree.Node): Named {
  if (isNew(value)) return [[name, value]];
  if (value.type === 'ArrayExpression') {
    return value.elements.flatMap((element, i) =>
      element && isNew(element) ? [[`${name}[${i}]`, element] as Named[number]] : [],
    );
  }
  // Array.from({ length: n }, () => new Lock()), items.map(() => new Lock())
  if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression') {
    const maker = value.arguments.at(-1);
    const madeByArrow =
      maker?.type === 'ArrowFunctionExpression' && maker.expression && isNew(maker.body);
    if (madeByArrow && (isProperty(value.callee, 'from') || isProperty(value.callee, 'map'))) {
      return [[`${name}[]`, maker.body as estree.NewExpression]];
    }
  }
  return [];
}

function isNew(node: estree.Node): node is estree.NewExpression {
  return node.type === 'NewExpression';
}

function isProperty(member: estree.MemberExpression, name: string): boolean {
  return !member.computed && member.property.type === 'Identifier' && member.property.name === name;
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
