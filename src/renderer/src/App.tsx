export function App(): React.JSX.Element {
  return <main>Commonplace</main>
}
