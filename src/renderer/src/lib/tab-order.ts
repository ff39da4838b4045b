// Tab goes from field to field, as in Excel and in the paper form's order. antd 6 renders the little "×"
// that clears a select, an input or a date as a <button>, so Tab would stop on it between two fields (from
// 服务事项 to its clear button instead of 群众姓名). The mouse still clicks it; the keyboard clears with
// Backspace or Delete.
const CLEAR_BUTTONS = 'button.ant-select-clear, button.ant-input-clear-icon, button.ant-picker-clear';

function skipClearButtons(root: Element | Document): void {
  if (root instanceof HTMLElement && root.matches(CLEAR_BUTTONS)) root.tabIndex = -1;
  for (const b of root.querySelectorAll<HTMLElement>(CLEAR_BUTTONS)) if (b.tabIndex !== -1) b.tabIndex = -1;
}

export function keepClearButtonsOutOfTabOrder(doc: Document = document): void {
  skipClearButtons(doc);
  // Only what was added is looked at: the members grid adds and removes rows all the time as it scrolls.
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) skipClearButtons(n);
  }).observe(doc.body, { subtree: true, childList: true });
}
