/**
 * Puts text on the clipboard. The Clipboard API first; where it is refused (no permission, the
 * window not focused) the older copy command, through a scratch field, after which the reader's
 * selection is put back as it was.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // Falls through to the copy command.
  }
  const selection = document.getSelection()
  const ranges = selection
    ? Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index))
    : []
  const field = document.createElement('textarea')
  field.value = text
  field.setAttribute('readonly', '')
  field.style.position = 'fixed'
  field.style.opacity = '0'
  document.body.append(field)
  field.select()
  const copied = document.execCommand('copy')
  field.remove()
  selection?.removeAllRanges()
  for (const range of ranges) selection?.addRange(range)
  return copied
}
