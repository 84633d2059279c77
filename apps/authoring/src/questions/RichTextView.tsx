import type { ReactNode } from 'react';
import type { RichNode, RichText } from './questionModel';

/*
 * Renders a stored question document as read-only HTML for previews and reviews, without loading an
 * editor per option. Knows the nodes a question can hold; anything else shows its text.
 */

const MARK_TAGS: Record<string, 'strong' | 'em' | 'code' | 'sub' | 'sup'> = {
  bold: 'strong',
  italic: 'em',
  code: 'code',
  subscript: 'sub',
  superscript: 'sup',
};

function renderText(node: RichNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    const Tag = MARK_TAGS[mark.type];
    if (Tag) out = <Tag>{out}</Tag>;
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: RichNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderNode);
  switch (node.type) {
    case 'text':
      return renderText(node, key);
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'hardBreak':
      return <br key={key} />;
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return <ol key={key}>{children}</ol>;
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'heading':
      return <p key={key}>{children}</p>;
    case 'image': {
      const attrs = node.attrs ?? {};
      return <img key={key} src={String(attrs.src ?? '')} alt={String(attrs.alt ?? '')} />;
    }
    default:
      return <span key={key}>{children}</span>;
  }
}

export function RichTextView({
  doc,
  inline = false,
}: {
  doc: RichText | null | undefined;
  inline?: boolean;
}) {
  if (!doc) return null;
  const nodes = doc.content ?? [];
  // A single paragraph inside a label or list item reads better without the paragraph's margins.
  if (inline && nodes.length === 1 && nodes[0]?.type === 'paragraph') {
    return <>{(nodes[0].content ?? []).map(renderNode)}</>;
  }
  return <div className="question-rich-view">{nodes.map(renderNode)}</div>;
}
