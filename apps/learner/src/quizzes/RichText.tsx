import { Fragment, type ReactNode } from 'react';
import type { RichText as RichTextDocument } from './quiz-api';

/*
 * Question prompts, options and feedback arrive as tiptap JSON (the server validated them when the
 * trainer saved the question). They are drawn as React elements, never as HTML strings, so nothing
 * in a document can run script. Headings become bold paragraphs: the question's own heading is the
 * outline the learner navigates by, and a prompt must not add levels to it.
 */

interface Node {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  marks?: { type?: unknown; attrs?: Record<string, unknown> }[];
  content?: unknown[];
}

const asNodes = (content: unknown): Node[] =>
  Array.isArray(content) ? content.filter((n): n is Node => typeof n === 'object' && n !== null) : [];

const SAFE_URL = /^(https?:|mailto:|\/)/i;

function withMarks(text: string, marks: Node['marks'], key: number): ReactNode {
  let node: ReactNode = text;
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') node = <strong>{node}</strong>;
    else if (mark.type === 'italic') node = <em>{node}</em>;
    else if (mark.type === 'code') node = <code>{node}</code>;
    else if (mark.type === 'superscript') node = <sup>{node}</sup>;
    else if (mark.type === 'subscript') node = <sub>{node}</sub>;
    else if (mark.type === 'link' && typeof mark.attrs?.href === 'string' && SAFE_URL.test(mark.attrs.href))
      node = (
        <a href={mark.attrs.href} rel="noopener noreferrer">
          {node}
        </a>
      );
  }
  return <Fragment key={key}>{node}</Fragment>;
}

function renderNodes(content: unknown): ReactNode[] {
  return asNodes(content).map(renderNode);
}

function renderNode(node: Node, key: number): ReactNode {
  const children = () => renderNodes(node.content);
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? withMarks(node.text, node.marks, key) : null;
    case 'hardBreak':
      return <br key={key} />;
    case 'paragraph':
      return <p key={key}>{children()}</p>;
    case 'heading':
      return (
        <p key={key}>
          <strong>{children()}</strong>
        </p>
      );
    case 'bulletList':
      return <ul key={key}>{children()}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={typeof node.attrs?.start === 'number' ? node.attrs.start : undefined}>
          {children()}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{children()}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children()}</blockquote>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'table':
      return (
        <table key={key}>
          <tbody>{children()}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{children()}</tr>;
    case 'tableHeader':
      return <th key={key}>{children()}</th>;
    case 'tableCell':
      return <td key={key}>{children()}</td>;
    case 'image': {
      const src = node.attrs?.src;
      if (typeof src !== 'string' || !SAFE_URL.test(src)) return null;
      const alt = node.attrs?.decorative === true ? '' : String(node.attrs?.alt ?? '');
      return <img key={key} src={src} alt={alt} loading="lazy" />;
    }
    default:
      // Anything else (callouts, case studies…) keeps its text, which is what a question needs.
      return <Fragment key={key}>{children()}</Fragment>;
  }
}

/** A rich-text document as block content; `inline` draws a one-paragraph document without its <p>. */
export function RichText({
  document,
  inline = false,
  className,
  id,
}: {
  document: RichTextDocument | null | undefined;
  inline?: boolean;
  className?: string;
  id?: string;
}) {
  const blocks = asNodes(document?.content);
  if (inline && blocks.length === 1 && blocks[0]?.type === 'paragraph') {
    return (
      <span className={className} id={id}>
        {renderNodes(blocks[0].content)}
      </span>
    );
  }
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className={className} id={id}>
      {blocks.map(renderNode)}
    </Tag>
  );
}

/** The document's words, for places that take plain text (an <option>, an announcement). */
export function plainText(document: RichTextDocument | null | undefined): string {
  const parts: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === 'text' && typeof node.text === 'string') parts.push(node.text);
      else if (node.type === 'hardBreak') parts.push(' ');
      walk(asNodes(node.content));
      if (node.type === 'paragraph' || node.type === 'heading') parts.push(' ');
    }
  };
  walk(asNodes(document?.content));
  return parts.join('').replace(/\s+/g, ' ').trim();
}
