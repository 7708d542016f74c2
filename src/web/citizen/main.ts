/** Entry point of the citizen pages ("/" and "/{office-slug}"). */
import { detectLocale, initLocale } from '../lib/i18n/index.js';
import './styles.css';
import './offices.css';
import './citizen-app.js';

initLocale(detectLocale());
document.body.append(document.createElement('vb-citizen-app'));
