/**
 * SCORM 1.2 `adlcp:prerequisites` (type aicc_script): item identifiers combined with `&` (and),
 * `|` (or), `~` (not) and parentheses; `n*{a,b,c}` (at least n of the set); `a="passed"` /
 * `a<>"failed"` compare a status. An identifier alone holds when that item is passed or completed.
 */
export type StatusOf = (identifier: string) => string | null;

type Node =
  | { kind: 'item'; id: string; compare: { equal: boolean; status: string } | null }
  | { kind: 'not'; operand: Node }
  | { kind: 'and' | 'or'; operands: Node[] }
  | { kind: 'atLeast'; count: number; ids: string[] };

const STATUS_LETTERS: Record<string, string> = {
  p: 'passed',
  c: 'completed',
  f: 'failed',
  i: 'incomplete',
  b: 'browsed',
  n: 'not attempted',
};

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(<>|[&|~(){},*=]|"[^"]*"|[^\s&|~(){},*=<>"]+)/y;
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) {
      if (text.slice(index).trim() === '') break;
      throw new Error('unreadable prerequisites');
    }
    tokens.push(match[1]!);
    index = pattern.lastIndex;
  }
  return tokens;
}

function parse(text: string): Node {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const take = (expected?: string) => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error('unreadable prerequisites');
    }
    return token;
  };
  const identifier = () => {
    const token = take();
    if (/^[&|~(){},*=]$|^<>$/.test(token)) throw new Error('unreadable prerequisites');
    return token;
  };
  const statusWord = (token: string) => {
    const word = token.replace(/^"|"$/g, '').trim().toLowerCase();
    return STATUS_LETTERS[word] ?? word;
  };
  const primary = (): Node => {
    const token = peek();
    if (token === '(') {
      take('(');
      const inner = or();
      take(')');
      return inner;
    }
    if (token !== undefined && /^\d+$/.test(token) && tokens[position + 1] === '*') {
      const count = Number(take());
      take('*');
      take('{');
      const ids = [identifier()];
      while (peek() === ',') {
        take(',');
        ids.push(identifier());
      }
      take('}');
      return { kind: 'atLeast', count, ids };
    }
    const id = identifier();
    if (peek() === '=' || peek() === '<>') {
      const equal = take() === '=';
      return { kind: 'item', id, compare: { equal, status: statusWord(take()) } };
    }
    return { kind: 'item', id, compare: null };
  };
  const unary = (): Node => {
    if (peek() === '~') {
      take('~');
      return { kind: 'not', operand: unary() };
    }
    return primary();
  };
  const and = (): Node => {
    const operands = [unary()];
    while (peek() === '&') {
      take('&');
      operands.push(unary());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  };
  const or = (): Node => {
    const operands = [and()];
    while (peek() === '|') {
      take('|');
      operands.push(and());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  };
  const tree = or();
  if (position !== tokens.length) throw new Error('unreadable prerequisites');
  return tree;
}

function done(status: string | null): boolean {
  return status === 'passed' || status === 'completed';
}

function holds(node: Node, statusOf: StatusOf): boolean {
  switch (node.kind) {
    case 'item': {
      const status = statusOf(node.id);
      // An identifier naming no item cannot ever be met: it does not block the learner.
      if (status === null) return true;
      if (!node.compare) return done(status);
      return (status === node.compare.status) === node.compare.equal;
    }
    case 'not':
      return !holds(node.operand, statusOf);
    case 'and':
      return node.operands.every((operand) => holds(operand, statusOf));
    case 'or':
      return node.operands.some((operand) => holds(operand, statusOf));
    case 'atLeast':
      return node.ids.filter((id) => done(statusOf(id))).length >= node.count;
  }
}

/** Whether the prerequisites are met; unreadable or empty ones never block. */
export function prerequisitesMet(expression: string | null, statusOf: StatusOf): boolean {
  if (!expression || expression.trim() === '') return true;
  let tree: Node;
  try {
    tree = parse(expression);
  } catch {
    return true;
  }
  return holds(tree, statusOf);
}
