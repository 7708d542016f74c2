/**
 * The video call's chunk: loaded with a dynamic `import()` only when the device check or a
 * call starts, so the office directory never pays for it. Registers the custom elements.
 */
import './call.css';
import './call-view.js';
import './device-check.js';
import './documents-view.js';

export { localMedia } from './media.js';
export {
  dropPrepared,
  prepareCall,
  startCall,
  startEarlyCall,
  whenCall,
  type EarlyCall,
} from './prepare.js';
