/** English texts of the video call, typed against the German file. */
import type { MessagesOf } from '../../i18n/core.js';
import type { de } from './de.js';

export const en: MessagesOf<typeof de> = {
  intlLocale: 'en-GB',
  languageName: 'English',

  callTitle: 'Video call',
  localVideo: 'Your picture',
  remoteFallback: 'The other person',
  statusPreparing: 'Turning on camera and microphone …',
  statusWaiting: 'Waiting for {name} …',
  statusConnecting: 'Connecting to {name} …',
  statusConnected: 'Connected with {name}',
  statusReconnecting: 'Reconnecting …',
  statusReconnectingHint: 'The picture stands still for a moment. Please stay on this page.',
  remoteCameraOff: '{name} has turned the camera off.',
  remoteMuted: '{name} has muted the microphone.',
  remoteSharing: '{name} is showing their screen.',
  localCameraOff: 'Your camera is off.',
  localSharing: 'You are showing your screen.',
  localMuted: 'Your microphone is muted.',
  controlsLabel: 'Call controls',
  mute: 'Mute',
  cameraOff: 'Camera off',
  shareScreen: 'Share screen',
  flipCamera: 'Switch camera (front/back)',
  devicesButton: 'Devices',
  playSound: 'Turn sound on',
  playSoundHint: 'Your browser has paused the sound.',
  qualityTitle: 'Connection',
  quality_good: 'good',
  quality_fair: 'fair',
  quality_poor: 'poor',
  quality_unknown: 'measuring',
  qualityRtt: 'round trip {rtt} ms',
  qualityLoss: 'loss {loss} %',
  qualityFps: '{fps} frames/s',
  qualityPoorHint: 'Tip: turn your camera off to keep the sound steady.',
  relayNote: 'Your IP address stays hidden: the call runs through the city’s relay server.',
  noTurnNote:
    'No TURN server configured: the call only works where both sides can reach each other directly.',

  deviceCheckTitle: 'Check camera and microphone',
  deviceCheckIntro:
    'This is how you will be seen and heard in the call. Your picture stays on your device until the call begins.',
  cameraLabel: 'Camera',
  microphoneLabel: 'Microphone',
  speakerLabel: 'Speaker',
  deviceDefault: 'Default',
  deviceNumbered: '{kind} {number}',
  levelLabel: 'Microphone level',
  levelHint: 'Say something: the level rises when the microphone hears you.',
  levelSilent: 'The microphone hears nothing. Is the right microphone selected?',
  audioOnly: 'Join with audio only (no camera)',
  noCameraPreview: 'No camera: you take part with sound only.',
  retryMedia: 'Try again',
  deviceCheckClose: 'Close the check',

  problem_denied: 'Your browser does not allow this page to use camera and microphone.',
  problem_notFound: 'No camera or microphone was found.',
  problem_busy: 'Camera or microphone are in use by another program. Close it and try again.',
  problem_insecure: 'This browser does not allow camera and microphone here.',
  problem_other: 'Camera or microphone could not be turned on.',
  problemStillChat: 'You can still take part in the conversation – by chat and with documents.',
  noPicture: 'No camera picture',
  help_chrome:
    'In Chrome: click the icon with the sliders (or the padlock) left of the address, set “Camera” and “Microphone” to “Allow” and reload the page.',
  help_iosApp:
    'On iPhone or iPad: open Settings, then your browser (for example “Chrome” or “Firefox”), and allow “Camera” and “Microphone”. Then reload the page.',
  help_edge:
    'In Edge: click the padlock on the left of the address bar, then “Permissions for this site”. Set camera and microphone to “Allow” and reload the page.',
  help_firefox:
    'In Firefox: click the crossed-out camera or microphone icon on the left of the address bar, remove the block (“Blocked”) and reload the page.',
  help_safari:
    'In Safari on a Mac: menu “Safari” → “Settings for This Website …”, set camera and microphone to “Allow” and reload the page.',
  help_safariIos:
    'On iPhone or iPad: tap “aA” in the address bar → “Website Settings” and allow camera and microphone. Then reload the page.',
  help_other: 'Allow camera and microphone for this page in your browser’s settings and reload it.',

  docsTitle: 'Documents',
  docsHint:
    'PDF, JPEG or PNG, up to {size}. Only the two of you see the documents; they are deleted when the call ends.',
  docsUpload: 'Upload document',
  docsUploading: 'Uploading “{name}”: {percent} %',
  docsUploaded: '“{name}” is uploaded.',
  docsUploadLabel: 'Upload progress',
  docsEmpty: 'No documents yet.',
  docsFromYou: 'from you',
  docsFrom: 'from {name}',
  docsDownload: 'Download',
  docsPreview: 'Preview of “{name}”',
  docsLoadFailed: 'The document could not be loaded.',
  docsNetwork: 'Cannot reach the server. Please try again.',
  docsFailed: 'The upload did not work.',
  docsNew: { one: 'New document: “{name}”', other: '{count} new documents' },
};
