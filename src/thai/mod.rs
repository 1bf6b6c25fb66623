//! Thai formatting: B.E. years, Thai digits, month names, official dates, baht in words.
