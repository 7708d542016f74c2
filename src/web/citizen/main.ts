/** Entry point of the citizen pages ("/", "/{office-slug}" and its lobby "/{office-slug}/ticket"). */
import { detectLocale, initLocale } from '../lib/i18n/index.js';
import './styles.css';
import './offices.css';
import './walk-in.css';
import './citizen-app.js';

initLocale(detectLocale());
document.body.append(document.createElement('vb-citizen-app'));
