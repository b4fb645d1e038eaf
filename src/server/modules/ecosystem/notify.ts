export { emailAddress, notifyPeople } from '../notifications/messages-to-people.js';
