/** The booking chunk's entry: the booking page, the appointment page and their styles. */
import './booking.css';
import './booking-page.js';
import './appointment-page.js';
