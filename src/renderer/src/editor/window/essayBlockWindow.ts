import { rangeFor, rangeStillFits, roomAround, topOf, type BlockRange } from './blockRange'

/** Shorter essays are laid out whole: the browser's own skipping keeps them light enough. */
const WINDOWED_FROM_BLOCKS = 150
/** A block never yet laid out is taken to be this tall until it is (then the average of those). */
const FIRST_ESTIMATE = 100
const OFFSCREEN = 'data-offscreen'
const WINDOWED = 'data-windowed'

/**
 * Lays out only the blocks of a long essay near the view (and the ones holding the selection);
 * the others are `display: none`, and the editable's padding stands in for their height. With
 * 1,000 citation blocks, `content-visibility: auto` alone still left each keystroke paying for
 * every block: the intersection checks it makes on each frame, and layout, pre-paint, paint and
 * hit testing walking 2,000 boxes (22 ms of main-thread time per key, against 6.5 with 10).
 *
 * Lexical owns the blocks and never sees this: only an attribute on each and two CSS variables
 * on the editable change, so the essay, its selection and what is saved are untouched. The
 * window moves when the view scrolls or resizes, when blocks come or go, when the selection
 * goes where nothing is laid out (undo, a jump), and before Ctrl+Home/End move the caret.
 */
export class EssayBlockWindow {
  private readonly pitches = new WeakMap<Element, number>()
  /** The pitches measured so far, summed and counted: their average is the estimate. */
  private measuredTotal = 0
  private measuredCount = 0
  private frame = 0
  /** The blocks the selection was in when it last moved. */
  private selectedBefore: readonly Element[] = []

  constructor(
    private readonly root: HTMLElement,
    private readonly scroller: HTMLElement,
    /** Puts the caret at the essay's start or end (through the editor, not the browser). */
    private readonly moveCaret: (to: 'start' | 'end') => void,
  ) {}

  /** Starts following the view; returns how to stop (and lay everything out again). */
  start(): () => void {
    const view = this.root.ownerDocument.defaultView ?? window
    const later = (): void => this.updateLater()
    const blocksChanged = new MutationObserver((records) => {
      this.placeAdded(records)
      later()
    })
    blocksChanged.observe(this.root, { childList: true })
    const resized = new ResizeObserver(later)
    resized.observe(this.scroller)
    const selectionMoved = (): void => this.followSelection()
    const keyDown = (event: KeyboardEvent): void => this.beforeJump(event)
    this.scroller.addEventListener('scroll', later, { passive: true })
    this.root.ownerDocument.addEventListener('selectionchange', selectionMoved)
    this.root.addEventListener('keydown', keyDown, true)
    this.update()
    return () => {
      view.cancelAnimationFrame(this.frame)
      blocksChanged.disconnect()
      resized.disconnect()
      this.scroller.removeEventListener('scroll', later)
      this.root.ownerDocument.removeEventListener('selectionchange', selectionMoved)
      this.root.removeEventListener('keydown', keyDown, true)
      this.layOutAll()
    }
  }

  /** `update` before the next frame, once however often asked. */
  private updateLater(): void {
    const view = this.root.ownerDocument.defaultView ?? window
    if (this.frame === 0)
      this.frame = view.requestAnimationFrame(() => {
        this.frame = 0
        this.update()
      })
  }

  /** Moves the window to the view, if it no longer fits it; or centres it on the block `at`. */
  update(at?: Element): void {
    const blocks = this.root.children
    if (blocks.length < WINDOWED_FROM_BLOCKS) {
      this.layOutAll()
      return
    }
    const current = this.laidOut(blocks)
    this.measure(blocks, current)
    const pitches = this.pitchesOf(blocks)
    const height = this.scroller.clientHeight
    const centre = at ? indexIn(blocks, at) : -1
    const viewTop =
      centre === -1
        ? this.viewTop(blocks, current, pitches)
        : Math.max(0, topOf(pitches, centre) - height / 2)
    const keep = centre === -1 ? this.selectedBlocks(blocks) : [centre]
    const query = { pitches, viewTop, viewBottom: viewTop + height, margin: height, keep }
    if (this.root.hasAttribute(WINDOWED) && !at && rangeStillFits(current, query)) return
    this.apply(blocks, current, rangeFor(query), pitches)
  }

  /**
   * The editor's selection is in blocks not laid out (undo went back to them): lays them out, and
   * shows a caret's block. The browser drops a selection inside a block that is not rendered, so
   * the caller sets the selection again when this says it laid something out.
   */
  reveal(ends: readonly Element[], collapsed: boolean): boolean {
    if (!this.root.hasAttribute(WINDOWED)) return false
    const hidden = ends.filter((block) => block.hasAttribute(OFFSCREEN))
    if (hidden.length === 0) return false
    const caret = collapsed ? hidden[0] : undefined
    if (caret) {
      this.show(caret)
      return true
    }
    const blocks = this.root.children
    this.layOutThrough(ends.map((block) => indexIn(blocks, block)))
    return true
  }

  /** Lays `block` out if it is hidden (the window then centred on it), and scrolls it to the middle. */
  show(block: Element): void {
    if (this.root.hasAttribute(WINDOWED) && block.hasAttribute(OFFSCREEN)) this.update(block)
    block.scrollIntoView({ block: 'center' })
  }

  /**
   * Widens the window to take in these blocks: a selection from here to there has everything
   * between selected, so laid out.
   */
  private layOutThrough(indexes: readonly number[]): void {
    const blocks = this.root.children
    const current = this.laidOut(blocks)
    const range = {
      first: Math.min(current.first, ...indexes),
      last: Math.max(current.last, ...indexes),
    }
    this.apply(blocks, current, range, this.pitchesOf(blocks))
  }

  /**
   * New blocks join the window only where it is: one put in between two laid-out blocks (a
   * paragraph the writer starts) is laid out, one beyond (the rest of a long essay coming in
   * slices) is hidden before the browser ever lays it out.
   */
  private placeAdded(records: readonly MutationRecord[]): void {
    if (!this.root.hasAttribute(WINDOWED)) return
    const shown = (block: Element | null): boolean => !block || !block.hasAttribute(OFFSCREEN)
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || node.parentNode !== this.root) continue
        const inside = shown(node.previousElementSibling) && shown(node.nextElementSibling)
        if (!inside) node.setAttribute(OFFSCREEN, '')
      }
    }
  }

  /** The browser moved the selection where nothing is laid out (it rarely can): lay it out. */
  private followSelection(): void {
    // On every keystroke: nothing to look at in an essay laid out whole.
    if (!this.root.hasAttribute(WINDOWED)) return
    const selection = this.root.ownerDocument.getSelection()
    const ends = this.selectionEnds()
    const moved = !sameBlocks(ends, this.selectedBefore)
    this.selectedBefore = ends
    if (this.reveal(ends, selection?.isCollapsed ?? false) || !moved) return
    // The selection went to other blocks, as when the writer scrolls away from the caret and
    // clicks: the window had kept every block from the old caret to the view laid out (a selection
    // must stay in rendered blocks), and shrinks back to the view now. Typing within a block
    // leaves it be.
    this.updateLater()
  }

  /**
   * Ctrl+Home/End go to an end of the essay, which must be laid out first. The caret is moved by
   * the editor: the browser cannot move it from a block that is no longer laid out.
   */
  private beforeJump(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || !this.root.hasAttribute(WINDOWED)) return
    const end = event.key === 'End' ? 'end' : event.key === 'Home' ? 'start' : null
    if (!end || (event.target as Element).closest('input, textarea, select, button')) return
    if (!event.shiftKey) {
      // The editor's selection moves; its block is then laid out and shown as after an undo.
      event.preventDefault()
      event.stopImmediatePropagation()
      this.moveCaret(end)
      return
    }
    // Extending the selection to an end of the essay.
    this.layOutThrough([end === 'end' ? this.root.children.length - 1 : 0])
  }

  private apply(
    blocks: HTMLCollection,
    current: BlockRange,
    next: BlockRange,
    pitches: readonly number[],
  ): void {
    // What the writer is looking at must stay put while the room around it changes.
    const anchor = this.firstInView(blocks, current)
    const anchorTop = anchor?.getBoundingClientRect().top ?? 0
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as Element
      const offscreen = index < next.first || index > next.last
      if (block.hasAttribute(OFFSCREEN) !== offscreen) block.toggleAttribute(OFFSCREEN, offscreen)
    }
    const room = roomAround(pitches, next)
    this.root.style.setProperty('--blocks-above', `${room.above}px`)
    this.root.style.setProperty('--blocks-below', `${room.below}px`)
    this.root.setAttribute(WINDOWED, '')
    if (anchor && !anchor.hasAttribute(OFFSCREEN)) {
      const moved = anchor.getBoundingClientRect().top - anchorTop
      if (Math.abs(moved) >= 1) this.scroller.scrollTop += moved
    }
  }

  private layOutAll(): void {
    if (!this.root.hasAttribute(WINDOWED)) return
    for (const block of this.root.querySelectorAll(`:scope > [${OFFSCREEN}]`)) {
      block.removeAttribute(OFFSCREEN)
    }
    this.root.removeAttribute(WINDOWED)
    this.root.style.removeProperty('--blocks-above')
    this.root.style.removeProperty('--blocks-below')
  }

  /** The blocks laid out now: from the first to the last one not marked off-screen. */
  private laidOut(blocks: HTMLCollection): BlockRange {
    let first = 0
    while (first < blocks.length - 1 && blocks[first]?.hasAttribute(OFFSCREEN)) first++
    let last = blocks.length - 1
    while (last > first && blocks[last]?.hasAttribute(OFFSCREEN)) last--
    return { first, last }
  }

  /** Remembers the pitch of each block laid out: the distance from its top to the next one's. */
  private measure(blocks: HTMLCollection, range: BlockRange): void {
    for (let index = range.first; index <= range.last; index++) {
      const block = blocks[index] as HTMLElement
      if (block.hasAttribute(OFFSCREEN)) continue
      const next = blocks[index + 1] as HTMLElement | undefined
      const pitch =
        next && !next.hasAttribute(OFFSCREEN)
          ? next.offsetTop - block.offsetTop
          : block.offsetHeight + parseFloat(getComputedStyle(block).marginBottom || '0')
      if (!(pitch > 0)) continue
      if (!this.pitches.has(block)) {
        this.measuredTotal += pitch
        this.measuredCount += 1
      }
      this.pitches.set(block, pitch)
    }
  }

  private pitchesOf(blocks: HTMLCollection): number[] {
    const estimate =
      this.measuredCount > 0 ? this.measuredTotal / this.measuredCount : FIRST_ESTIMATE
    return Array.from(blocks, (block) => this.pitches.get(block) ?? estimate)
  }

  /** Where the top of the view is, counted from the top of the first block. */
  private viewTop(blocks: HTMLCollection, current: BlockRange, pitches: readonly number[]): number {
    const first = blocks[current.first] as HTMLElement | undefined
    if (!first) return 0
    const offset = this.scroller.getBoundingClientRect().top - first.getBoundingClientRect().top
    return topOf(pitches, current.first) + offset
  }

  private firstInView(blocks: HTMLCollection, range: BlockRange): Element | null {
    const top = this.scroller.getBoundingClientRect().top
    for (let index = range.first; index <= range.last; index++) {
      const block = blocks[index] as Element
      if (!block.hasAttribute(OFFSCREEN) && block.getBoundingClientRect().bottom > top) return block
    }
    return null
  }

  /** The blocks holding the selection's two ends (none when it is elsewhere). */
  private selectionEnds(): Element[] {
    const selection = this.root.ownerDocument.getSelection()
    if (!selection || selection.rangeCount === 0) return []
    return [selection.anchorNode, selection.focusNode]
      .map((node) => blockOf(this.root, node))
      .filter((block): block is Element => block !== null)
  }

  private selectedBlocks(blocks: HTMLCollection): number[] {
    return this.selectionEnds().map((block) => indexIn(blocks, block))
  }
}

function sameBlocks(a: readonly Element[], b: readonly Element[]): boolean {
  return a.length === b.length && a.every((block, index) => block === b[index])
}

function indexIn(blocks: HTMLCollection, block: Element): number {
  return Array.prototype.indexOf.call(blocks, block) as number
}

/** The block (a child of the editable) that holds `node`, or null outside the essay. */
function blockOf(root: HTMLElement, node: Node | null): Element | null {
  let at: Node | null = node
  while (at && at.parentNode !== root) at = at.parentNode
  return at instanceof Element ? at : null
}
