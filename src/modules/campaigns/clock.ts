import { Injectable } from '@nestjs/common';

/** The time campaigns run by (occurrence keys, birthdays, windows); tests give the workers a clock they control. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
