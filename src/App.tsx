export function App() {
  return <main data-testid="canvas">SPOF Studio</main>;
}
