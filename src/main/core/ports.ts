/**
 * What the services need from the operating system, injected so that tests and the e2e harness
 * pass their own: Electron's dialogs and shell in the app, scripted answers elsewhere.
 */
export interface Ports {
  /** The OS open dialog; resolves to the chosen absolute paths, empty when cancelled. */
  chooseFilesToImport(): Promise<string[]>
  /** Opens an http(s) URL in the user's browser. */
  openExternal(url: string): Promise<void>
  /** Opens the system's file manager at this file, selected. */
  showItemInFolder(path: string): void
  /** The OS save dialog for an export; null when cancelled. */
  chooseExportPath(suggestedName: string): Promise<string | null>
  /** The OS open dialog for one Markdown essay; null when cancelled. */
  chooseEssayToImport(): Promise<string | null>
  /** The OS open dialog for one highlights file (Hypothesis, W3C, Kindle, Readwise); null when cancelled. */
  chooseHighlightsToImport(): Promise<string | null>
  /** The folder holding the sample notebook (resources/sample, or where the app ships it). */
  sampleNotebookDir: string
  /** The page has saved its pending work; the window may close. */
  readyToClose(): void
  /** Opens a folder in the system's file manager (Explorer, Finder, Files). */
  openFolder(path: string): Promise<void>
  /** The app's name and version, as the shell knows them. */
  appIdentity(): { name: string; version: string }
  /**
   * Files the operating system asked the app to open (double-clicked, on the command line, dropped
   * on the dock icon) and not yet imported; taking them empties the queue.
   */
  takeOpenedFiles(): string[]
  /** Whether the operating system reports a screen reader (or other assistive technology) on. */
  screenReaderRunning(): boolean
}
