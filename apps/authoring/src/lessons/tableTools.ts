import type { Editor } from '@tiptap/core';
import type { TFunction } from 'i18next';
import type { ToolbarItem } from './Toolbar';

/** Whether the table around the cursor starts with a header row (its first cell is a header). */
function hasHeaderRow(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'table') return node.firstChild?.firstChild?.type.name === 'tableHeader';
  }
  return false;
}

/** What the table buttons show: flat, so the editor state selector compares it cheaply. */
export function tableState(editor: Editor) {
  const inTable = editor.isActive('table');
  return {
    inTable,
    headerRow: inTable && hasHeaderRow(editor),
    // The last row or column cannot be deleted: delete the table instead.
    canDeleteRow: inTable && editor.can().deleteRow(),
    canDeleteColumn: inTable && editor.can().deleteColumn(),
  };
}

export type TableState = ReturnType<typeof tableState>;

/**
 * The table group of the toolbar. Always there, so the toolbar does not change under the author's
 * fingers; outside a table its buttons are announced as unavailable (aria-disabled).
 */
export function tableTools(editor: Editor, state: TableState, t: TFunction): ToolbarItem[] {
  const chain = () => editor.chain().focus();
  const inTable = (item: Omit<ToolbarItem, 'disabled'>, enabled = state.inTable): ToolbarItem => ({
    ...item,
    disabled: !enabled,
  });
  return [
    inTable({
      key: 'rowBefore',
      label: t('lessonEditor.table.addRowBefore'),
      onClick: () => chain().addRowBefore().run(),
    }),
    inTable({
      key: 'rowAfter',
      label: t('lessonEditor.table.addRowAfter'),
      onClick: () => chain().addRowAfter().run(),
    }),
    inTable(
      {
        key: 'rowDelete',
        label: t('lessonEditor.table.deleteRow'),
        onClick: () => chain().deleteRow().run(),
      },
      state.canDeleteRow,
    ),
    inTable({
      key: 'columnBefore',
      label: t('lessonEditor.table.addColumnBefore'),
      onClick: () => chain().addColumnBefore().run(),
    }),
    inTable({
      key: 'columnAfter',
      label: t('lessonEditor.table.addColumnAfter'),
      onClick: () => chain().addColumnAfter().run(),
    }),
    inTable(
      {
        key: 'columnDelete',
        label: t('lessonEditor.table.deleteColumn'),
        onClick: () => chain().deleteColumn().run(),
      },
      state.canDeleteColumn,
    ),
    inTable({
      key: 'headerRow',
      label: t('lessonEditor.table.headerRow'),
      pressed: state.headerRow,
      onClick: () => chain().toggleHeaderRow().run(),
    }),
    inTable({
      key: 'tableDelete',
      label: t('lessonEditor.table.deleteTable'),
      onClick: () => chain().deleteTable().run(),
    }),
  ];
}
