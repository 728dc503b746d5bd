import type { EditorThemeClasses } from 'lexical'

/** Class names Lexical puts on the DOM it renders; editor.css styles them. */
export const essayTheme: EditorThemeClasses = {
  paragraph: 'essay-paragraph',
  heading: { h1: 'essay-h1', h2: 'essay-h2', h3: 'essay-h3' },
  quote: 'essay-quote',
  link: 'essay-link',
  list: {
    ul: 'essay-ul',
    ol: 'essay-ol',
    listitem: 'essay-li',
    nested: { listitem: 'essay-li-nested' },
  },
  text: {
    bold: 'essay-bold',
    italic: 'essay-italic',
    underline: 'essay-underline',
    code: 'essay-code',
  },
  citationBlock: 'citation-host',
  inlineCitation: 'inline-citation-host',
  unreadableBlock: 'unreadable-host',
}
