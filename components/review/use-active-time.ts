"use client";
import { useCallback, useEffect, useRef } from "react";

const IDLE_AFTER_MS = 60_000;

/**
 * Active time on task: counted only while the tab is visible and the reviewer interacted within
 * the last minute. take() returns the time accrued since the previous take().
 */
export function useActiveTime() {
  const accrued = useRef(0);
  const lastInteraction = useRef(Date.now());

  useEffect(() => {
    const touch = () => { lastInteraction.current = Date.now(); };
    const events = ["keydown", "pointerdown", "scroll", "input"] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true, capture: true }));
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastInteraction.current < IDLE_AFTER_MS) accrued.current += 1000;
    }, 1000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch, { capture: true }));
      window.clearInterval(timer);
    };
  }, []);

  return useCallback(() => {
    const value = accrued.current;
    accrued.current = 0;
    return value;
  }, []);
}
