"use client";
import { useEffect, useState } from "react";

const IDLE_AFTER_MS = 60_000;

/**
 * Active time on task: counted only while the tab is visible and the reviewer interacted within
 * the last minute. take() returns the time accrued since the previous take().
 */
class ActiveTimeClock {
  private accrued = 0;
  private lastInteraction = 0;

  start(): () => void {
    this.lastInteraction = Date.now();
    const touch = () => { this.lastInteraction = Date.now(); };
    const events = ["keydown", "pointerdown", "scroll", "input"] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true, capture: true }));
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - this.lastInteraction < IDLE_AFTER_MS) this.accrued += 1000;
    }, 1000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch, { capture: true }));
      window.clearInterval(timer);
    };
  }

  take = (): number => {
    const value = this.accrued;
    this.accrued = 0;
    return value;
  };
}

export function useActiveTime(): () => number {
  const [clock] = useState(() => new ActiveTimeClock());
  useEffect(() => clock.start(), [clock]);
  return clock.take;
}
