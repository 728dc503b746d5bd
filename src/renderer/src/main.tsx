import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// The tokens and the base theme first, so each component's own stylesheet can refine them.
import './ui/tokens.css'
import './ui/theme.css'
import './ui/desk.css'
import './ui/centre.css'
import './ui/app-shell.css'
import { App } from './App'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
