import { LitElement } from 'lit';

/**
 * The citizen pages render into the light DOM: one global stylesheet (easy for a city to
 * re-brand), skip links and ARIA references that work across components, and no shadow roots
 * for assistive technology to cross. The embeddable widget will use shadow DOM instead.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
