/** Entry point of the staff console ("/staff"). */
import { detectLocale, initLocale } from './i18n/index.js';
import './staff.css';
import './staff-parts.css';
import './queue.css';
import './appointments/appointments.css';
import './staff-app.js';

initLocale(detectLocale());
document.body.append(document.createElement('vb-staff-app'));
