// Readability finds elements with `querySelectorAll("p,div,…")`, lists of tag names only, many
// times per page; jsdom answers every call with its general selector engine, which was half of
// Readability's time on an article page. In the import worker's own window (no page script ever
// runs there) such lists are answered by one walk over the subtree; any other selector goes to
// jsdom as before. Same elements, same document order, a static list as querySelectorAll's.

const tagList = /^\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s*,\s*[a-zA-Z][a-zA-Z0-9-]*)*\s*$/
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml'

/** Descendant elements of `root` whose tag is one of `names` (as written), in document order. */
export function elementsWithTags(root: ParentNode, names: readonly string[]): Element[] {
  // Type selectors match HTML elements whatever their case, other elements (SVG) exactly.
  const htmlNames = new Set(names.map((name) => name.toLowerCase()))
  const otherNames = new Set(names)
  const found: Element[] = []
  let element = root.firstElementChild
  while (element) {
    const matches =
      element.namespaceURI === HTML_NAMESPACE
        ? htmlNames.has(element.localName.toLowerCase())
        : otherNames.has(element.localName)
    if (matches) found.push(element)
    if (element.firstElementChild) {
      element = element.firstElementChild
      continue
    }
    while (element && !element.nextElementSibling) {
      const parent: Element | null = element.parentElement
      element = parent && (parent as Node) !== (root as Node) ? parent : null
    }
    element = element ? element.nextElementSibling : null
  }
  return found
}

interface QueryPrototype {
  querySelectorAll(this: ParentNode, selectors: string): ArrayLike<Element>
}

/** Answers tag-list selectors on these prototypes (Element, Document, DocumentFragment) by a walk. */
export function answerTagListsByWalking(prototypes: QueryPrototype[]): void {
  for (const prototype of prototypes) {
    const general = prototype.querySelectorAll
    prototype.querySelectorAll = function (this: ParentNode, selectors: string) {
      if (!tagList.test(selectors)) return general.call(this, selectors)
      return elementsWithTags(
        this,
        selectors.split(',').map((name) => name.trim()),
      )
    }
  }
}
