//! Rendering components to strings with yew's `ssr` feature, for the web component tests.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use yew::{BaseComponent, LocalServerRenderer};

/// Rendering without suspense never waits on anything: poll until done.
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..10_000 {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
    panic!("render did not finish");
}

pub fn render<C: BaseComponent>(props: C::Properties) -> String {
    block_on(LocalServerRenderer::<C>::with_props(props).hydratable(false).render())
}
