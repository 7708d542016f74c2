import { describe, expect, it } from 'vitest';
import { detectBrowser, helpTopic, mediaProblem } from './browser.js';

const UA = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  firefoxIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15',
  samsung:
    'Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
};

describe('browser detection for the permission help', () => {
  it('tells Chrome, Edge, Firefox and Safari apart (Edge and others also say "Chrome")', () => {
    expect(detectBrowser(UA.chrome)).toEqual({ name: 'chrome', ios: false, android: false });
    expect(detectBrowser(UA.chromeAndroid)).toEqual({ name: 'chrome', ios: false, android: true });
    expect(detectBrowser(UA.edge).name).toBe('edge');
    expect(detectBrowser(UA.firefox).name).toBe('firefox');
    expect(detectBrowser(UA.safariMac)).toEqual({ name: 'safari', ios: false, android: false });
    expect(detectBrowser(UA.samsung).name).toBe('other');
    expect(detectBrowser(UA.headless).name).toBe('chrome');
    expect(detectBrowser('').name).toBe('other');
  });

  it('sends iPhone users to the iOS settings, Safari to its own website settings', () => {
    expect(helpTopic(detectBrowser(UA.safariIphone))).toBe('safariIos');
    expect(helpTopic(detectBrowser(UA.chromeIphone))).toBe('iosApp');
    expect(helpTopic(detectBrowser(UA.firefoxIphone))).toBe('iosApp');
    expect(helpTopic(detectBrowser(UA.safariMac))).toBe('safari');
    expect(helpTopic(detectBrowser(UA.edge))).toBe('edge');
    expect(helpTopic(detectBrowser(UA.samsung))).toBe('other');
  });

  it('names what a failed getUserMedia means', () => {
    const error = (name: string) => new DOMException('x', name);
    expect(mediaProblem(error('NotAllowedError'))).toBe('denied');
    expect(mediaProblem(error('NotFoundError'))).toBe('notFound');
    expect(mediaProblem(error('NotReadableError'))).toBe('busy');
    expect(mediaProblem(new TypeError('no mediaDevices'))).toBe('insecure');
    expect(mediaProblem('weird')).toBe('other');
  });
});
