/**
 * This page's camera, microphone and screen. One instance per page (`localMedia()`), shared by
 * the device check in the lobby and the call, so the camera the citizen just tested is the one
 * the call starts with (no second prompt, no restart). Users `acquire()` and `release()`; the
 * tracks stop shortly after the last user let go.
 *
 * Mute is `track.enabled = false` (the sender stays, silence is sent). Camera off stops the
 * track (the light goes out) and the call's sender carries `null`. Screen sharing replaces the
 * camera's picture; when it ends (also from the browser's own "stop sharing" bar) the camera
 * comes back.
 */
import { mediaProblem, type MediaProblem } from './browser.js';
import {
  audioConstraints,
  loadChoice,
  saveChoice,
  videoConstraints,
  type DeviceChoice,
} from './devices.js';
import { Emitter } from './emitter.js';
import type { MediaState } from './signal.js';

const RELEASE_DELAY_MS = 2_000;

export class LocalMedia {
  readonly events = new Emitter<{ change: void }>();
  choice: DeviceChoice = loadChoice();
  audio: MediaStreamTrack | null = null;
  camera: MediaStreamTrack | null = null;
  screen: MediaStreamTrack | null = null;
  muted = false;
  /** Why camera or microphone could not be opened (the last attempt). */
  problem: MediaProblem | null = null;
  private users = 0;
  private starting: Promise<void> | null = null;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;

  /** The picture this side sends: the screen while sharing, else the camera (or nothing). */
  get video(): MediaStreamTrack | null {
    return this.screen ?? this.camera;
  }

  get state(): MediaState {
    return { audio: !!this.audio && !this.muted, video: !!this.video, screen: !!this.screen };
  }

  static canShareScreen(): boolean {
    return typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  }

  async acquire(): Promise<void> {
    this.users++;
    clearTimeout(this.releaseTimer);
    this.starting ??= this.start();
    await this.starting;
  }

  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0) return;
    clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(() => this.stopAll(), RELEASE_DELAY_MS);
  }

  /** Opens what the choice asks for; without a camera (none, busy) the microphone alone. */
  async retry(): Promise<void> {
    this.stopAll();
    this.choice = loadChoice();
    this.starting = this.start();
    await this.starting;
  }

  private async start(): Promise<void> {
    this.problem = null;
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia) {
      this.problem = 'insecure';
      return this.changed();
    }
    const audio = audioConstraints(this.choice);
    const wantVideo = !this.choice.audioOnly;
    try {
      const video = wantVideo ? videoConstraints(this.choice) : false;
      this.take(await devices.getUserMedia({ audio, video }));
    } catch (error) {
      this.problem = mediaProblem(error);
      if (wantVideo && this.problem !== 'denied') {
        // No usable camera: the microphone alone still makes a call.
        try {
          this.take(await devices.getUserMedia({ audio, video: false }));
        } catch (second) {
          this.problem = mediaProblem(second);
        }
      }
    }
    this.changed();
  }

  private take(stream: MediaStream): void {
    const [audio] = stream.getAudioTracks();
    const [video] = stream.getVideoTracks();
    this.audio = audio ?? null;
    this.camera = video ?? null;
    if (this.audio) this.audio.enabled = !this.muted;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.audio) this.audio.enabled = !muted;
    this.changed();
  }

  async setCamera(on: boolean): Promise<void> {
    if (!on) {
      this.camera?.stop();
      this.camera = null;
      return this.changed();
    }
    if (this.camera) return;
    await this.openCamera();
  }

  /** The choice changed (a select, front/back, audio only): remember it and apply it now. */
  async choose(change: Partial<DeviceChoice>): Promise<void> {
    const before = this.choice;
    this.choice = { ...before, ...change };
    saveChoice(this.choice);
    const cameraChanged =
      before.cameraId !== this.choice.cameraId || before.facing !== this.choice.facing;
    if (change.audioOnly !== undefined) {
      await this.setCamera(!this.choice.audioOnly);
    } else if (cameraChanged && this.camera) {
      await this.openCamera();
    }
    if (before.microphoneId !== this.choice.microphoneId && this.audio) await this.openMicrophone();
    this.changed();
  }

  private async openCamera(): Promise<void> {
    // Phones often cannot hold two cameras open: the old one goes first.
    this.camera?.stop();
    this.camera = null;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: videoConstraints(this.choice),
      });
      this.camera = stream.getVideoTracks()[0] ?? null;
      this.problem = null;
    } catch (error) {
      this.problem = mediaProblem(error);
    }
    this.changed();
  }

  private async openMicrophone(): Promise<void> {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: audioConstraints(this.choice),
      });
      this.audio?.stop();
      this.audio = stream.getAudioTracks()[0] ?? null;
      if (this.audio) this.audio.enabled = !this.muted;
      this.problem = null;
    } catch (error) {
      this.problem = mediaProblem(error);
    }
    this.changed();
  }

  async shareScreen(): Promise<void> {
    if (this.screen || !LocalMedia.canShareScreen()) return;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    } catch {
      return; // the person cancelled the browser's picker
    }
    const track = stream.getVideoTracks()[0];
    if (!track) return;
    track.contentHint = 'detail';
    track.addEventListener('ended', () => this.stopSharing());
    this.screen = track;
    this.changed();
  }

  stopSharing(): void {
    if (!this.screen) return;
    this.screen.stop();
    this.screen = null;
    this.changed();
  }

  private stopAll(): void {
    for (const track of [this.audio, this.camera, this.screen]) track?.stop();
    this.audio = this.camera = this.screen = null;
    this.starting = null;
    this.changed();
  }

  private changed(): void {
    this.events.emit('change', undefined);
  }
}

let shared: LocalMedia | null = null;
export function localMedia(): LocalMedia {
  shared ??= new LocalMedia();
  return shared;
}
