import { darkTheme, lightTheme } from '@rainbow-me/rainbowkit'

type ThemeVars = ReturnType<typeof lightTheme>

/**
 * RainbowKit dressed in the page's own tokens (src/app/styles.css): the same accent, surfaces,
 * text colours, font and radii, in light and dark alike, following the system as the page does.
 * Its dark default's grey secondary text is also what failed contrast checks; the page's pass.
 */
function fromPage(theme: ThemeVars): ThemeVars {
  return {
    ...theme,
    colors: {
      ...theme.colors,
      accentColor: 'var(--accent)',
      accentColorForeground: 'var(--accent-fg)',
      modalBackground: 'var(--card)',
      modalBorder: 'var(--border)',
      modalText: 'var(--fg)',
      modalTextSecondary: 'var(--muted)',
      modalTextDim: 'var(--muted)',
      generalBorder: 'var(--border)',
      generalBorderDim: 'var(--border)',
      actionButtonSecondaryBackground: 'var(--bg)',
      closeButton: 'var(--muted)',
      closeButtonBackground: 'var(--bg)',
      connectButtonBackground: 'var(--card)',
      connectButtonInnerBackground: 'var(--bg)',
      connectButtonText: 'var(--fg)',
      menuItemBackground: 'var(--bg)',
      profileForeground: 'var(--card)',
      profileAction: 'var(--bg)',
      profileActionHover: 'var(--border)',
      error: 'var(--bad)',
    },
    fonts: { body: 'var(--font)' },
    radii: { actionButton: '10px', connectButton: '10px', menuButton: '10px', modal: '16px', modalMobile: '16px' },
  }
}

export const walletTheme = { lightMode: fromPage(lightTheme()), darkMode: fromPage(darkTheme()) }
