import type { CommonplaceApi } from '../shared/ipc'

declare global {
  interface Window {
    commonplace: CommonplaceApi
  }
}
