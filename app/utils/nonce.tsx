import { createContext, useContext } from 'react';

// The CSP nonce of this response; inline scripts without it are refused by the browser.
const NonceContext = createContext('');
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string {
  return useContext(NonceContext);
}
