/**
 * What the citizen's page loads only when the device check or the call starts (a separate
 * chunk): the video call, device check and documents (src/web/lib/call), and the rating.
 */
export { dropPrepared, localMedia, prepareCall, startCall, whenCall } from '../lib/call/index.js';
import './rating-form.js';
