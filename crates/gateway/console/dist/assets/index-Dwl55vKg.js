const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/District-D5G9dzf4.js","assets/rolldown-runtime-BLXQ4ufn.js","assets/antd-rXfJcYDJ.js","assets/query-DIYJE1zk.js","assets/echarts-BuQEpN8Q.js","assets/forms-BU9tjW-6.js","assets/Staff-BQdCFjpp.js","assets/Demands-BaO4SMSV.js","assets/Grid-DjE986rv.js","assets/Partner-DZS8t4mt.js","assets/Resident-fa32KbyM.js","assets/Join-D_Or8bz6.js"])))=>i.map(i=>d[i]);
import{r as e,t}from"./rolldown-runtime-BLXQ4ufn.js";import{A as n,C as r,D as i,F as a,M as o,N as s,O as c,P as l,d as u,f as d,g as f,h as p,j as m,k as h,n as g,p as _,t as v,u as y}from"./antd-rXfJcYDJ.js";(function(){let e=document.createElement(`link`).relList;if(e&&e.supports&&e.supports(`modulepreload`))return;for(let e of document.querySelectorAll(`link[rel="modulepreload"]`))n(e);new MutationObserver(e=>{for(let t of e)if(t.type===`childList`)for(let e of t.addedNodes)e.tagName===`LINK`&&e.rel===`modulepreload`&&n(e)}).observe(document,{childList:!0,subtree:!0});function t(e){let t={};return e.integrity&&(t.integrity=e.integrity),e.referrerPolicy&&(t.referrerPolicy=e.referrerPolicy),t.credentials=e.crossOrigin===`use-credentials`?`include`:e.crossOrigin===`anonymous`?`omit`:`same-origin`,t}function n(e){if(e.ep)return;e.ep=!0;let n=t(e);fetch(e.href,n)}})();var b=e(a(),1),x=b.createContext(!1),S=()=>b.useContext(x);x.Provider;var C=t((e=>{var t=a(),n=Symbol.for(`react.element`),r=Symbol.for(`react.fragment`),i=Object.prototype.hasOwnProperty,o=t.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED.ReactCurrentOwner,s={key:!0,ref:!0,__self:!0,__source:!0};function c(e,t,r){var a,c={},l=null,u=null;for(a in r!==void 0&&(l=``+r),t.key!==void 0&&(l=``+t.key),t.ref!==void 0&&(u=t.ref),t)i.call(t,a)&&!s.hasOwnProperty(a)&&(c[a]=t[a]);if(e&&e.defaultProps)for(a in t=e.defaultProps,t)c[a]===void 0&&(c[a]=t[a]);return{$$typeof:n,type:e,key:l,ref:u,props:c,_owner:o.current}}e.Fragment=r,e.jsx=c,e.jsxs=c})),ee=t(((e,t)=>{t.exports=C()})),w=ee(),T=b.createContext(void 0),te=e=>{let t=b.useContext(T);if(e)return e;if(!t)throw Error(`No QueryClient set, use QueryClientProvider to set one`);return t},ne=({client:e,children:t})=>(b.useEffect(()=>(e.mount(),()=>{e.unmount()}),[e]),(0,w.jsx)(T.Provider,{value:e,children:t}));function re(){let e=!1;return{clearReset:()=>{e=!1},reset:()=>{e=!0},isReset:()=>e}}var ie=b.createContext(re()),ae=()=>b.useContext(ie),oe=class{constructor(){this.listeners=new Set,this.subscribe=this.subscribe.bind(this)}subscribe(e){return this.listeners.add(e),this.onSubscribe(),()=>{this.listeners.delete(e),this.onUnsubscribe()}}hasListeners(){return this.listeners.size>0}onSubscribe(){}onUnsubscribe(){}},se=new class extends oe{#e;#t;#n;constructor(){super(),this.#n=e=>{if(typeof window<`u`&&window.addEventListener){let t=()=>e();return window.addEventListener(`visibilitychange`,t,!1),()=>{window.removeEventListener(`visibilitychange`,t)}}}}onSubscribe(){this.#t||this.setEventListener(this.#n)}onUnsubscribe(){this.hasListeners()||(this.#t?.(),this.#t=void 0)}setEventListener(e){this.#n=e,this.#t?.(),this.#t=e(e=>{typeof e==`boolean`?this.setFocused(e):this.onFocus()})}setFocused(e){this.#e!==e&&(this.#e=e,this.onFocus())}onFocus(){let e=this.isFocused();this.listeners.forEach(t=>{t(e)})}isFocused(){return typeof this.#e==`boolean`?this.#e:globalThis.document?.visibilityState!==`hidden`}},ce={setTimeout:(e,t)=>setTimeout(e,t),clearTimeout:e=>clearTimeout(e),setInterval:(e,t)=>setInterval(e,t),clearInterval:e=>clearInterval(e)},E=new class{#e=ce;setTimeoutProvider(e){this.#e=e}setTimeout(e,t){return this.#e.setTimeout(e,t)}clearTimeout(e){this.#e.clearTimeout(e)}setInterval(e,t){return this.#e.setInterval(e,t)}clearInterval(e){this.#e.clearInterval(e)}};function le(e){setTimeout(e,0)}var ue=typeof window>`u`||`Deno`in globalThis;function D(){}function de(e,t){return typeof e==`function`?e(t):e}function fe(e){return typeof e==`number`&&e>=0&&e!==1/0}function pe(e,t){return Math.max(e+(t||0)-Date.now(),0)}function O(e,t){return typeof e==`function`?e(t):e}function me(e,t){let{type:n=`all`,exact:r,fetchStatus:i,predicate:a,queryKey:o,stale:s}=e;if(o){if(r){if(t.queryHash!==ge(o,t.options))return!1}else if(!k(t.queryKey,o))return!1}if(n!==`all`){let e=t.isActive();if(n===`active`&&!e||n===`inactive`&&e)return!1}return!(typeof s==`boolean`&&t.isStale()!==s||i&&i!==t.state.fetchStatus||a&&!a(t))}function he(e,t){let{exact:n,status:r,predicate:i,mutationKey:a}=e;if(a){if(!t.options.mutationKey)return!1;if(n){if(_e(t.options.mutationKey)!==_e(a))return!1}else if(!k(t.options.mutationKey,a))return!1}return!(r&&t.state.status!==r||i&&!i(t))}function ge(e,t){return(t?.queryKeyHashFn||_e)(e)}function _e(e){return JSON.stringify(e,(e,t)=>Se(t)?Object.keys(t).sort().reduce((e,n)=>(e[n]=t[n],e),{}):t)}function k(e,t){if(e===t)return!0;if(typeof e!=typeof t)return!1;if(e&&t&&typeof e==`object`&&typeof t==`object`){if(Array.isArray(e)!==Array.isArray(t))return!1;if(Array.isArray(e)&&Array.isArray(t)){if(t.length>e.length)return!1;for(let n=0;n<t.length;n++)if(!k(e[n],t[n]))return!1;return!0}let n=Object.keys(t);for(let r of n)if(!k(e[r],t[r]))return!1;return!0}return!1}var ve=Object.prototype.hasOwnProperty;function ye(e,t,n=0){if(e===t)return e;if(n>500)return t;let r=xe(e)&&xe(t);if(!r&&!(Se(e)&&Se(t)))return t;let i=(r?e:Object.keys(e)).length,a=r?t:Object.keys(t),o=a.length,s=r?Array(o):{},c=0;for(let l=0;l<o;l++){let o=r?l:a[l],u=e[o],d=t[o];if(u===d){s[o]=u,(r?l<i:ve.call(e,o))&&c++;continue}if(u===null||d===null||typeof u!=`object`||typeof d!=`object`){s[o]=d;continue}let f=ye(u,d,n+1);s[o]=f,f===u&&c++}return i===o&&c===i?e:s}function be(e,t){if(!t||Object.keys(e).length!==Object.keys(t).length)return!1;for(let n of Object.keys(e))if(!ve.call(t,n)||e[n]!==t[n])return!1;return!0}function xe(e){return Array.isArray(e)&&e.length===Object.keys(e).length}function Se(e){if(!Ce(e))return!1;let t=Object.getPrototypeOf(e),n=t?.constructor;if(n===void 0)return!0;if(typeof n!=`function`)return!1;let r=n.prototype;return!(!Ce(r)||!r.hasOwnProperty(`isPrototypeOf`)||t!==Object.prototype)}function Ce(e){return Object.prototype.toString.call(e)===`[object Object]`}function we(e){return new Promise(t=>{E.setTimeout(t,e)})}function Te(e,t,n){return typeof n.structuralSharing==`function`?n.structuralSharing(e,t):n.structuralSharing===!1?t:ye(e,t)}function Ee(e){return e}function De(e,t,n,r){let i=r?[t,...e]:[...e,t];return n&&i.length>n?r?i.slice(0,n):i.slice(-n):i}var Oe=Symbol();function ke(e,t){return!e.queryFn&&t?.initialPromise?()=>t.initialPromise:!e.queryFn||e.queryFn===Oe?()=>Promise.reject(Error(`Missing queryFn: '${e.queryHash}'`)):e.queryFn}function Ae(e,t){return typeof e==`function`?e(...t):!!e}var je=Symbol();function Me(e,t,n,r){let i=!1,a;return Object.defineProperties(e,{[je]:{value:r},signal:{enumerable:!0,get:()=>(a??=t(),i||(i=!0,a.aborted?n():a.addEventListener(`abort`,n,{once:!0})),a)}}),e}var Ne=()=>ue,Pe=()=>Ne();function Fe(e){return{onFetch:(t,n)=>{let r=t.options,i=t.fetchOptions?.meta?.fetchMore?.direction,a=t.state.data?.pages||[],o=t.state.data?.pageParams||[],s={pages:[],pageParams:[]},c=0,l=async()=>{let n=!1,l=t,u=e=>{Me(e,()=>t.signal,()=>n=!0,l[je])},d=ke(t.options,t.fetchOptions),f=async(e,r,i)=>{if(n)return Promise.reject(t.signal.reason);if(r==null&&e.pages.length)return Promise.resolve(e);let a=(()=>{let e={client:t.client,queryKey:t.queryKey,pageParam:r,direction:i?`backward`:`forward`,meta:t.options.meta};return u(e),e})(),o=await d(a),{maxPages:s}=t.options;return{pages:De(e.pages,o,s,i),pageParams:De(e.pageParams,r,s,i)}};if(i&&a.length){let e=i===`backward`,t=e?Le:Ie,n={pages:a,pageParams:o};s=await f(n,t(r,n),e)}else{let t=e??a.length;do{let e=c===0?o[0]===void 0?r.initialPageParam:o[0]:Ie(r,s);if(c>0&&e==null)break;s=await f(s,e),c++}while(c<t)}return s};t.fetchFn=t.options.persister?()=>t.options.persister?.(l,{client:t.client,queryKey:t.queryKey,meta:t.options.meta,signal:t.signal},n):l}}}function Ie(e,{pages:t,pageParams:n}){let r=t.length-1;return t.length>0?e.getNextPageParam(t[r],t,n[r],n):void 0}function Le(e,{pages:t,pageParams:n}){return t.length>0?e.getPreviousPageParam?.(t[0],t,n[0],n):void 0}var Re=le;function ze(){let e=[],t=0,n=e=>{e()},r=e=>{e()},i=Re,a=r=>{t?e.push(r):i(()=>{n(r)})},o=()=>{let t=e;e=[],t.length&&i(()=>{r(()=>{t.forEach(e=>{n(e)})})})};return{batch:e=>{let n;t++;try{n=e()}finally{t--,t||o()}return n},batchCalls:e=>(...t)=>{a(()=>{e(...t)})},schedule:a,setNotifyFunction:e=>{n=e},setBatchNotifyFunction:e=>{r=e},setScheduler:e=>{i=e}}}var A=ze(),Be=class{#e;destroy(){this.clearGcTimeout()}scheduleGc(){this.clearGcTimeout(),fe(this.gcTime)&&(this.#e=E.setTimeout(()=>{this.optionalRemove()},this.gcTime))}updateGcTime(e){this.gcTime=Math.max(this.gcTime||0,e??(Pe()?1/0:3e5))}clearGcTimeout(){this.#e!==void 0&&(E.clearTimeout(this.#e),this.#e=void 0)}},Ve=new class extends oe{#e=!0;#t;#n;constructor(){super(),this.#n=e=>{if(typeof window<`u`&&window.addEventListener){let t=()=>e(!0),n=()=>e(!1);return window.addEventListener(`online`,t,!1),window.addEventListener(`offline`,n,!1),()=>{window.removeEventListener(`online`,t),window.removeEventListener(`offline`,n)}}}}onSubscribe(){this.#t||this.setEventListener(this.#n)}onUnsubscribe(){this.hasListeners()||(this.#t?.(),this.#t=void 0)}setEventListener(e){this.#n=e,this.#t?.(),this.#t=e(this.setOnline.bind(this))}setOnline(e){this.#e!==e&&(this.#e=e,this.listeners.forEach(t=>{t(e)}))}isOnline(){return this.#e}};function He(e){return Math.min(1e3*2**e,3e4)}function Ue(e){return(e??`online`)!==`online`||Ve.isOnline()}var We=class extends Error{constructor(e){super(`CancelledError`),this.revert=e?.revert,this.silent=e?.silent}};function Ge(e){let t=!1,n=0,r,i=`pending`,a,o,s=new Promise((e,t)=>{a=e,o=t});s.catch(D);let c=()=>i!==`pending`,l=t=>{if(!c()){let n=new We(t);h(n),e.onCancel?.(n)}},u=()=>{t=!0},d=()=>{t=!1},f=()=>se.isFocused()&&(e.networkMode===`always`||Ve.isOnline())&&e.canRun(),p=()=>Ue(e.networkMode)&&e.canRun(),m=e=>{c()||(r?.(),i=`resolved`,a(e))},h=e=>{c()||(r?.(),i=`rejected`,o(e))},g=t=>new Promise(n=>{r=e=>{(c()||t())&&n(e)},e.onPause?.()}).then(()=>{r=void 0,c()||e.onContinue?.()}),_=()=>{if(c())return;let r,i=n===0?e.initialPromise:void 0;try{r=i??e.fn()}catch(e){r=Promise.reject(e)}Promise.resolve(r).then(m).catch(r=>{if(c())return;let i=e.retry??(Pe()?0:3),a=e.retryDelay??He,o=typeof a==`function`?a(n,r):a,s=i===!0||typeof i==`number`&&n<i||typeof i==`function`&&i(n,r);t||!s?h(r):(n++,e.onFail?.(n,r),we(o).then(()=>c()||f()?void 0:g(f)).then(()=>{t?h(r):_()}))})};return{promise:s,status:()=>i,cancel:l,continue:()=>(r?.(),s),cancelRetry:u,continueRetry:d,canStart:p,start:()=>(p()?_():g(p).then(_),s)}}var Ke=class extends Be{#e;#t;#n;#r;#i;#a;#o;#s;#c;constructor(e){super(),this.#c=!1,this.#s=e.defaultOptions,this.setOptions(e.options),this.observers=[],this.#i=e.client,this.#r=this.#i.getQueryCache(),this.queryKey=e.queryKey,this.queryHash=e.queryHash,this.#t=Ye(this.options),this.state=e.state??this.#t,this.scheduleGc()}get meta(){return this.options.meta}get queryType(){return this.#e}get promise(){return this.#a?.promise}setOptions(e){if(this.options={...this.#s,...e},e?._type&&(this.#e=e._type),this.updateGcTime(this.options.gcTime),this.state&&this.state.data===void 0){let e=Ye(this.options);e.data!==void 0&&(this.setState(Je(e.data,e.dataUpdatedAt)),this.#t=e)}}optionalRemove(){!this.observers.length&&this.state.fetchStatus===`idle`&&this.#r.remove(this)}setData(e,t){let n=Te(this.state.data,e,this.options);return this.#u({data:n,type:`success`,dataUpdatedAt:t?.updatedAt,manual:t?.manual}),n}setState(e){this.#u({type:`setState`,state:e})}cancel(e){let t=this.#a?.promise;return this.#a?.cancel(e),t?t.then(D).catch(D):Promise.resolve()}destroy(){this.cancel({silent:!0}),super.destroy()}get resetState(){return this.#t}reset(){this.destroy(),this.setState(this.resetState)}isActive(){return this.observers.some(e=>O(e.options.enabled,this)!==!1)}isDisabled(){return this.getObserversCount()>0?!this.isActive():this.options.queryFn===Oe||!this.isFetched()}isFetched(){return this.state.dataUpdateCount+this.state.errorUpdateCount>0}isStatic(){return this.state.data!==void 0&&this.getObserversCount()>0&&this.observers.some(e=>O(e.options.staleTime,this)===`static`)}isStale(){return this.getObserversCount()>0?this.observers.some(e=>e.getCurrentResult().isStale):this.state.data===void 0||this.state.isInvalidated}isStaleByTime(e=0){return this.state.data===void 0?!0:e===`static`?!1:this.state.isInvalidated?!0:!pe(this.state.dataUpdatedAt,e)}onFocus(){this.observers.find(e=>e.shouldFetchOnWindowFocus())?.refetch({cancelRefetch:!1}),this.#a?.continue()}onOnline(){this.observers.find(e=>e.shouldFetchOnReconnect())?.refetch({cancelRefetch:!1}),this.#a?.continue()}addObserver(e){this.observers.includes(e)||(this.observers.push(e),this.clearGcTimeout(),this.#r.notify({type:`observerAdded`,query:this,observer:e}))}removeObserver(e){let t=this.observers.indexOf(e);t!==-1&&(this.observers.splice(t,1),this.observers.length||(this.#a&&(this.#c||this.state.fetchStatus===`paused`&&this.state.status===`pending`?this.#a.cancel({revert:!0}):this.#a.cancelRetry()),this.#l()),this.#r.notify({type:`observerRemoved`,query:this,observer:e}))}getObserversCount(){return this.observers.length}invalidate(){this.state.isInvalidated||this.#u({type:`invalidate`})}async fetch(e,t){if(this.state.fetchStatus!==`idle`&&this.#a?.status()!==`rejected`){if(this.state.data!==void 0&&t?.cancelRefetch)this.cancel({silent:!0});else if(this.#a&&this.#o)return this.#a.continueRetry(),this.#o}if(e&&this.setOptions(e),!this.options.queryFn){let e=this.observers.find(e=>e.options.queryFn);e&&this.setOptions(e.options)}let n=new AbortController,r=e=>{Object.defineProperties(e,{[je]:{value:n.signal,enumerable:!0},signal:{enumerable:!0,get:()=>(this.#c=!0,n.signal)}})},i=()=>{let e=ke(this.options,t),n=(()=>{let e={client:this.#i,queryKey:this.queryKey,meta:this.meta};return r(e),e})();return this.#c=!1,this.options.persister?this.options.persister(e,n,this):e(n)},a=(()=>{let e={fetchOptions:t,options:this.options,queryKey:this.queryKey,client:this.#i,state:this.state,fetchFn:i};return r(e),e})();(this.#e===`infinite`?Fe(this.options.pages):this.options.behavior)?.onFetch(a,this),this.#n=this.state,(this.state.fetchStatus===`idle`||this.state.fetchMeta!==a.fetchOptions?.meta)&&this.#u({type:`fetch`,meta:a.fetchOptions?.meta});let o=this.#a=Ge({initialPromise:t?.initialPromise,fn:a.fetchFn,onCancel:e=>{e instanceof We&&e.revert&&this.setState({...this.#n,fetchStatus:`idle`}),n.abort()},onFail:(e,t)=>{this.#u({type:`failed`,failureCount:e,error:t})},onPause:()=>{this.#u({type:`pause`})},onContinue:()=>{this.#u({type:`continue`})},retry:a.options.retry,retryDelay:a.options.retryDelay,networkMode:a.options.networkMode,canRun:()=>!0}),s=(async()=>{try{let e=await o.promise;if(e===void 0)throw Error(`${this.queryHash} data is undefined`);return this.setData(e),this.#r.config.onSuccess?.(e,this),this.#r.config.onSettled?.(e,this.state.error,this),e}catch(e){if(e instanceof We){if(e.silent){if(this.#a!==o&&this.#o)return this.#o;throw e}if(e.revert){if(this.state.data===void 0)throw e;return this.state.data}}throw this.#u({type:`error`,error:e}),this.#r.config.onError?.(e,this),this.#r.config.onSettled?.(this.state.data,e,this),e}finally{this.#a===o&&(this.#a=void 0,this.#o=void 0),this.#l()}})();return this.#o=s,o.start(),s}#l(){this.#r.get(this.queryHash)===this&&this.scheduleGc()}#u(e){let t=t=>{switch(e.type){case`failed`:return{...t,fetchFailureCount:e.failureCount,fetchFailureReason:e.error};case`pause`:return{...t,fetchStatus:`paused`};case`continue`:return{...t,fetchStatus:`fetching`};case`fetch`:return{...t,...qe(t.data,this.options),fetchMeta:e.meta??null};case`success`:{let n={...t,...Je(e.data,e.dataUpdatedAt),dataUpdateCount:t.dataUpdateCount+1,...!e.manual&&{fetchStatus:`idle`,fetchFailureCount:0,fetchFailureReason:null}};return this.#n=e.manual?n:void 0,n}case`error`:{let n=e.error;return{...t,error:n,errorUpdateCount:t.errorUpdateCount+1,errorUpdatedAt:Date.now(),fetchFailureCount:t.fetchFailureCount+1,fetchFailureReason:n,fetchStatus:`idle`,status:`error`,isInvalidated:!0}}case`invalidate`:return{...t,isInvalidated:!0};case`setState`:return{...t,...e.state}}};this.state=t(this.state),A.batch(()=>{this.observers.slice().forEach(e=>{e.onQueryUpdate()}),this.#r.notify({query:this,type:`updated`,action:e})})}};function qe(e,t){return{fetchFailureCount:0,fetchFailureReason:null,fetchStatus:Ue(t.networkMode)?`fetching`:`paused`,...e===void 0&&{error:null,status:`pending`}}}function Je(e,t){return{data:e,dataUpdatedAt:t??Date.now(),error:null,isInvalidated:!1,status:`success`}}function Ye(e){let t=typeof e.initialData==`function`?e.initialData():e.initialData,n=t!==void 0,r=n?typeof e.initialDataUpdatedAt==`function`?e.initialDataUpdatedAt():e.initialDataUpdatedAt:0;return{data:t,dataUpdateCount:0,dataUpdatedAt:n?r??Date.now():0,error:null,errorUpdateCount:0,errorUpdatedAt:0,fetchFailureCount:0,fetchFailureReason:null,fetchMeta:null,isInvalidated:!1,status:n?`success`:`pending`,fetchStatus:`idle`}}var Xe=class extends oe{#e;#t=void 0;#n=void 0;#r=void 0;#i;#a;#o;#s;#c;#l;#u;#d;#f;#p=new Set;constructor(e,t){super(),this.options=t,this.#e=e,this.#a=null,this.bindMethods(),this.setOptions(t)}bindMethods(){this.refetch=this.refetch.bind(this)}onSubscribe(){this.listeners.size===1&&(this.#t.addObserver(this),Qe(this.#t,this.options)?this.#m():this.updateResult(),this.#y())}onUnsubscribe(){this.hasListeners()||this.destroy()}shouldFetchOnReconnect(){return $e(this.#t,this.options,this.options.refetchOnReconnect)}shouldFetchOnWindowFocus(){return $e(this.#t,this.options,this.options.refetchOnWindowFocus)}destroy(){this.listeners=new Set,this.#b(),this.#x(),this.#t.removeObserver(this)}setOptions(e){let t=this.options,n=this.#t;if(this.options=this.#e.defaultQueryOptions(e),this.options.enabled!==void 0&&typeof this.options.enabled!=`boolean`&&typeof this.options.enabled!=`function`&&typeof O(this.options.enabled,this.#t)!=`boolean`)throw Error(`Expected enabled to be a boolean or a callback that returns a boolean`);this.#S(),this.#t.setOptions(this.options),t._defaulted&&!be(this.options,t)&&this.#e.getQueryCache().notify({type:`observerOptionsUpdated`,query:this.#t,observer:this});let r=this.hasListeners();r&&et(this.#t,n,this.options,t)&&this.#m(),this.updateResult(),r&&(this.#t!==n||O(this.options.enabled,this.#t)!==O(t.enabled,this.#t)||O(this.options.staleTime,this.#t)!==O(t.staleTime,this.#t))&&this.#g();let i=this.#_();r&&(this.#t!==n||O(this.options.enabled,this.#t)!==O(t.enabled,this.#t)||i!==this.#f)&&this.#v(i)}getOptimisticResult(e){let t=this.#e.getQueryCache().build(this.#e,e),n=this.createResult(t,e);return be(this.getCurrentResult(),n)||(this.#r=n,this.#i=e),n}getCurrentResult(){return this.#r}trackResult(e,t){return new Proxy(e,{get:(e,n)=>(this.trackProp(n),t?.(n),Reflect.get(e,n))})}trackProp(e){this.#p.add(e)}getCurrentQuery(){return this.#t}refetch({...e}={}){return this.fetch({...e})}fetchOptimistic(e){let t=this.#e.defaultQueryOptions(e),n=this.#e.getQueryCache().build(this.#e,t),r=()=>{},i,a=new Promise(e=>{i=e,r=this.#e.getQueryCache().subscribe(i=>{i.type===`updated`&&i.query.queryHash===n.queryHash&&n.state.data!==void 0&&(r(),e(this.createResult(n,t)))})});return Promise.race([n.fetch(t).then(()=>{let e=this.createResult(n,t);return i?.(e),e}).finally(()=>{r()}),a])}fetch(e){return this.#m({...e,cancelRefetch:e.cancelRefetch??!0}).then(()=>(this.updateResult(),this.#r))}#m(e){this.#S();let t=this.#t.fetch(this.options,e);return e?.throwOnError||(t=t.catch(D)),t}#h(e){return!Pe()&&O(this.options.enabled,this.#t)!==!1&&fe(e)}#g(){this.#b();let e=O(this.options.staleTime,this.#t);if(this.#r.isStale||!this.#h(e))return;let t=pe(this.#r.dataUpdatedAt,e)+1;this.#u=E.setTimeout(()=>{this.#r.isStale||this.updateResult()},t)}#_(){return O(this.options.refetchInterval,this.#t)??!1}#v(e){this.#x(),this.#f=e,this.#f!==0&&this.#h(this.#f)&&(this.#d=E.setInterval(()=>{(this.options.refetchIntervalInBackground||se.isFocused())&&this.#m()},this.#f))}#y(){this.#g(),this.#v(this.#_())}#b(){this.#u!==void 0&&(E.clearTimeout(this.#u),this.#u=void 0)}#x(){this.#d!==void 0&&(E.clearInterval(this.#d),this.#d=void 0)}createResult(e,t){let n=this.#t,r=this.options,i=this.#r,a=this.#i,o=e===n?this.#n:e.state,{state:s}=e,c={...s},l=!1,u;if(t._optimisticResults){let i=this.hasListeners(),a=!i&&Qe(e,t),o=i&&et(e,n,t,r);(a||o)&&(c={...c,...qe(s.data,e.options)}),t._optimisticResults===`isRestoring`&&(c.fetchStatus=`idle`)}let{error:d,errorUpdatedAt:f,status:p}=c;u=c.data;let m=!1;if(t.placeholderData!==void 0&&u===void 0&&p===`pending`){let e,n=i?.isPlaceholderData&&t.placeholderData===a?.placeholderData;n?(e=i.data,m=!0):e=typeof t.placeholderData==`function`?t.placeholderData(this.#l?.state.data,this.#l):t.placeholderData,(n||e!==void 0)&&(p=`success`,u=Te(t.select&&!m?this.#s:i?.data,e,t),l=!0)}if(t.select&&u!==void 0&&!m){if(u===this.#s&&t.select===this.#o)u=this.#c;else try{this.#o=t.select,this.#s=u,u=t.select(u),u=Te(i?.data,u,t),this.#c=u,this.#a=null}catch(e){this.#a=e}}else u===void 0&&(this.#s=void 0,this.#a=null);this.#a&&(d=this.#a,u=this.#c,f=i?.error===d?i.errorUpdatedAt:Date.now(),p=`error`,l=!1);let h=c.fetchStatus===`fetching`,g=p===`pending`,_=p===`error`,v=g&&h,y=u!==void 0;return{status:p,fetchStatus:c.fetchStatus,isPending:g,isSuccess:p===`success`,isError:_,isInitialLoading:v,isLoading:v,data:u,dataUpdatedAt:c.dataUpdatedAt,error:d,errorUpdatedAt:f,failureCount:c.fetchFailureCount,failureReason:c.fetchFailureReason,errorUpdateCount:c.errorUpdateCount,isFetched:e.isFetched(),isFetchedAfterMount:c.dataUpdateCount>o.dataUpdateCount||c.errorUpdateCount>o.errorUpdateCount,isFetching:h,isRefetching:h&&!g,isLoadingError:_&&!y,isPaused:c.fetchStatus===`paused`,isPlaceholderData:l,isRefetchError:_&&y,isStale:tt(e,t),refetch:this.refetch,isEnabled:O(t.enabled,e)!==!1}}updateResult(){let e=this.#r,t=this.createResult(this.#t,this.options);if(this.#i=this.options,this.#t.state.data!==void 0&&(this.#l=this.#t),be(t,e))return;this.#r=t;let n=(()=>{if(!e)return!0;let{notifyOnChangeProps:t}=this.options,n=typeof t==`function`?t():t;if(n===`all`||!n&&!this.#p.size||this.options.throwOnError&&this.#r.error!==e.error)return!0;for(let t of n??this.#p)if(this.#r[t]!==e[t])return!0;return!1})();A.batch(()=>{n&&this.listeners.forEach(e=>{e(this.#r)}),this.#e.getQueryCache().notify({query:this.#t,type:`observerResultsUpdated`})})}#S(){let e=this.#e.getQueryCache().build(this.#e,this.options);if(e===this.#t)return;let t=this.#t;this.#t=e,this.#n=e.state,this.hasListeners()&&(t?.removeObserver(this),e.addObserver(this))}onQueryUpdate(){this.updateResult(),this.hasListeners()&&this.#y()}};function Ze(e,t){return O(t.enabled,e)!==!1&&e.state.data===void 0&&(e.state.status!==`error`||O(t.retryOnMount,e)!==!1)}function Qe(e,t){return Ze(e,t)||e.state.data!==void 0&&$e(e,t,t.refetchOnMount)}function $e(e,t,n){if(O(t.enabled,e)!==!1&&O(t.staleTime,e)!==`static`){let r=O(n,e);return r===`always`||r!==!1&&tt(e,t)}return!1}function et(e,t,n,r){return(e!==t||O(r.enabled,e)===!1)&&(!n.suspense||e.state.status!==`error`)&&tt(e,n)}function tt(e,t){return O(t.enabled,e)!==!1&&e.isStaleByTime(O(t.staleTime,e))}var nt=class extends Be{#e;#t;#n;#r;constructor(e){super(),this.#e=e.client,this.mutationId=e.mutationId,this.#n=e.mutationCache,this.#t=[],this.state=e.state||rt(),this.setOptions(e.options),this.scheduleGc()}setOptions(e){this.options=e,this.updateGcTime(this.options.gcTime)}get meta(){return this.options.meta}addObserver(e){this.#t.includes(e)||(this.#t.push(e),this.clearGcTimeout(),this.#n.notify({type:`observerAdded`,mutation:this,observer:e}))}removeObserver(e){this.#t=this.#t.filter(t=>t!==e),this.#n.has(this)&&this.scheduleGc(),this.#n.notify({type:`observerRemoved`,mutation:this,observer:e})}optionalRemove(){this.#t.length||(this.state.status===`pending`?this.scheduleGc():this.#n.remove(this))}continue(){return this.#r?.continue()??(this.state.status===`pending`?this.execute(this.state.variables):Promise.resolve())}async execute(e){let t=()=>{this.#i({type:`continue`})},n={client:this.#e,meta:this.options.meta,mutationKey:this.options.mutationKey},r=this.#r=Ge({fn:()=>this.options.mutationFn?this.options.mutationFn(e,n):Promise.reject(Error(`No mutationFn found`)),onFail:(e,t)=>{this.#i({type:`failed`,failureCount:e,error:t})},onPause:()=>{this.#i({type:`pause`})},onContinue:t,retry:this.options.retry??0,retryDelay:this.options.retryDelay,networkMode:this.options.networkMode,canRun:()=>this.#n.canRun(this)}),i=this.state.status===`pending`,a=!r.canStart();try{if(i)t();else{this.#i({type:`pending`,variables:e,isPaused:a}),this.#n.config.onMutate&&await this.#n.config.onMutate(e,this,n);let t=await this.options.onMutate?.(e,n);t!==this.state.context&&this.#i({type:`pending`,context:t,variables:e,isPaused:a})}this.state.isPaused&&r.canStart()&&t();let o=await r.start();return await this.#n.config.onSuccess?.(o,e,this.state.context,this,n),await this.options.onSuccess?.(o,e,this.state.context,n),await this.#n.config.onSettled?.(o,null,this.state.variables,this.state.context,this,n),await this.options.onSettled?.(o,null,e,this.state.context,n),this.#i({type:`success`,data:o}),o}catch(t){try{await this.#n.config.onError?.(t,e,this.state.context,this,n)}catch(e){Promise.reject(e)}try{await this.options.onError?.(t,e,this.state.context,n)}catch(e){Promise.reject(e)}try{await this.#n.config.onSettled?.(void 0,t,this.state.variables,this.state.context,this,n)}catch(e){Promise.reject(e)}try{await this.options.onSettled?.(void 0,t,e,this.state.context,n)}catch(e){Promise.reject(e)}throw this.#i({type:`error`,error:t}),t}finally{this.#r===r&&(this.#r=void 0),this.#n.runNext(this)}}#i(e){let t=t=>{switch(e.type){case`failed`:return{...t,failureCount:e.failureCount,failureReason:e.error};case`pause`:return{...t,isPaused:!0};case`continue`:return{...t,isPaused:!1};case`pending`:return{...t,context:e.context,data:void 0,failureCount:0,failureReason:null,error:null,isPaused:e.isPaused,status:`pending`,variables:e.variables,submittedAt:Date.now()};case`success`:return{...t,data:e.data,failureCount:0,failureReason:null,error:null,status:`success`,isPaused:!1};case`error`:return{...t,data:void 0,error:e.error,failureCount:t.failureCount+1,failureReason:e.error,isPaused:!1,status:`error`}}};this.state=t(this.state),A.batch(()=>{this.#t.forEach(t=>{t.onMutationUpdate(e)}),this.#n.notify({mutation:this,type:`updated`,action:e})})}};function rt(){return{context:void 0,data:void 0,error:null,failureCount:0,failureReason:null,isPaused:!1,status:`idle`,variables:void 0,submittedAt:0}}var it=class extends oe{#e;#t;#n;constructor(e={}){super(),this.config=e,this.#e=new Set,this.#t=new Map,this.#n=0}build(e,t,n){let r=new nt({client:e,mutationCache:this,mutationId:++this.#n,options:e.defaultMutationOptions(t),state:n});return this.add(r),r}add(e){this.#e.add(e);let t=at(e);if(typeof t==`string`){let n=this.#t.get(t);n?n.push(e):this.#t.set(t,[e])}this.notify({type:`added`,mutation:e})}remove(e){if(this.#e.delete(e)){e.destroy();let t=at(e);if(typeof t==`string`){let n=this.#t.get(t);if(n){if(n.length>1){let t=n.indexOf(e);t!==-1&&n.splice(t,1)}else n[0]===e&&this.#t.delete(t)}}}this.notify({type:`removed`,mutation:e})}has(e){return this.#e.has(e)}canRun(e){let t=at(e);if(typeof t==`string`){let n=this.#t.get(t)?.find(e=>e.state.status===`pending`);return!n||n===e}return!0}runNext(e){let t=at(e);return typeof t==`string`?(this.#t.get(t)?.find(t=>t!==e&&t.state.isPaused))?.continue()??Promise.resolve():Promise.resolve()}clear(){A.batch(()=>{let e=this.getAll();this.#e.clear(),this.#t.clear(),e.forEach(e=>e.destroy()),e.forEach(e=>{this.notify({type:`removed`,mutation:e})})})}getAll(){return Array.from(this.#e)}find(e){let t={exact:!0,...e};return this.getAll().find(e=>he(t,e))}findAll(e={}){return this.getAll().filter(t=>he(e,t))}notify(e){A.batch(()=>{this.listeners.forEach(t=>{t(e)})})}resumePausedMutations(){let e=this.getAll().filter(e=>e.state.isPaused);return A.batch(()=>Promise.all(e.map(e=>e.continue().catch(D))))}};function at(e){return e.options.scope?.id}var ot=class extends oe{#e;constructor(e={}){super(),this.config=e,this.#e=new Map}build(e,t,n){let r=t.queryKey,i=t.queryHash??ge(r,t),a=this.get(i);return a||(a=new Ke({client:e,queryKey:r,queryHash:i,options:e.defaultQueryOptions(t),state:n,defaultOptions:e.getQueryDefaults(r)}),this.add(a)),a}add(e){this.#e.has(e.queryHash)||(this.#e.set(e.queryHash,e),this.notify({type:`added`,query:e}))}remove(e){this.#e.get(e.queryHash)===e&&(e.destroy(),this.#e.delete(e.queryHash),this.notify({type:`removed`,query:e}))}clear(){A.batch(()=>{this.getAll().forEach(e=>{this.remove(e)})})}get(e){return this.#e.get(e)}getAll(){return[...this.#e.values()]}find(e){let t={exact:!0,...e};return this.getAll().find(e=>me(t,e))}findAll(e={}){let t=this.getAll();return Object.keys(e).length>0?t.filter(t=>me(e,t)):t}notify(e){A.batch(()=>{this.listeners.forEach(t=>{t(e)})})}onFocus(){A.batch(()=>{this.getAll().forEach(e=>{e.onFocus()})})}onOnline(){A.batch(()=>{this.getAll().forEach(e=>{e.onOnline()})})}},st=class{#e;#t;#n;#r;#i;#a;#o;#s;constructor(e={}){this.#e=e.queryCache||new ot,this.#t=e.mutationCache||new it,this.#n=e.defaultOptions||{},this.#r=new Map,this.#i=new Map,this.#a=0}mount(){this.#a++,this.#a===1&&(this.#o=se.subscribe(async e=>{e&&(await this.resumePausedMutations(),this.#e.onFocus())}),this.#s=Ve.subscribe(async e=>{e&&(await this.resumePausedMutations(),this.#e.onOnline())}))}unmount(){this.#a--,this.#a===0&&(this.#o?.(),this.#o=void 0,this.#s?.(),this.#s=void 0)}isFetching(e){return this.#e.findAll({...e,fetchStatus:`fetching`}).length}isMutating(e){return this.#t.findAll({...e,status:`pending`}).length}getQueryData(e){let t=this.defaultQueryOptions({queryKey:e});return this.#e.get(t.queryHash)?.state.data}ensureQueryData(e){let t=this.defaultQueryOptions(e),n=this.#e.build(this,t),r=n.state.data;return r===void 0?this.fetchQuery(e):(e.revalidateIfStale&&n.isStaleByTime(O(t.staleTime,n))&&this.prefetchQuery(t),Promise.resolve(r))}getQueriesData(e){return this.#e.findAll(e).map(({queryKey:e,state:t})=>[e,t.data])}setQueryData(e,t,n){let r=this.defaultQueryOptions({queryKey:e}),i=de(t,this.#e.get(r.queryHash)?.state.data);if(i!==void 0)return this.#e.build(this,r).setData(i,{...n,manual:!0})}setQueriesData(e,t,n){return A.batch(()=>this.#e.findAll(e).map(({queryKey:e})=>[e,this.setQueryData(e,t,n)]))}getQueryState(e){let t=this.defaultQueryOptions({queryKey:e});return this.#e.get(t.queryHash)?.state}removeQueries(e){let t=this.#e;A.batch(()=>{t.findAll(e).forEach(e=>{t.remove(e)})})}resetQueries(e,t){let n=this.#e;return A.batch(()=>{let r=n.findAll(e),i=new Set(r);return r.forEach(e=>{e.reset()}),this.refetchQueries({type:`active`,predicate:e=>i.has(e)},t)})}cancelQueries(e,t={}){let n={revert:!0,...t},r=A.batch(()=>this.#e.findAll(e).map(e=>e.cancel(n)));return Promise.all(r).then(D).catch(D)}invalidateQueries(e,t={}){return A.batch(()=>(this.#e.findAll(e).forEach(e=>{e.invalidate()}),e?.refetchType===`none`?Promise.resolve():this.refetchQueries({...e,type:e?.refetchType??e?.type??`active`},t)))}refetchQueries(e,t={}){let n={...t,cancelRefetch:t.cancelRefetch??!0},r=A.batch(()=>this.#e.findAll(e).filter(e=>!e.isDisabled()&&!e.isStatic()).map(e=>{let t=e.fetch(void 0,n),r=e.state.fetchStatus===`paused`;return(!n.throwOnError||r)&&(t=t.catch(D)),r?Promise.resolve():t}));return Promise.all(r).then(D)}async query(e){let t=this.defaultQueryOptions(e);t.retry===void 0&&(t.retry=!1);let n=this.#e.build(this,t),r=n.isStaleByTime(O(t.staleTime,n))?await n.fetch(t):n.state.data,i=t.select;return i?i(r):r}fetchQuery(e){let t=this.defaultQueryOptions(e);t.retry===void 0&&(t.retry=!1);let n=this.#e.build(this,t);return n.isStaleByTime(O(t.staleTime,n))?n.fetch(t):Promise.resolve(n.state.data)}prefetchQuery(e){return this.fetchQuery(e).then(D).catch(D)}infiniteQuery(e){return e._type=`infinite`,this.query(e)}fetchInfiniteQuery(e){return e._type=`infinite`,this.fetchQuery(e)}prefetchInfiniteQuery(e){return this.fetchInfiniteQuery(e).then(D).catch(D)}ensureInfiniteQueryData(e){return e._type=`infinite`,this.ensureQueryData(e)}resumePausedMutations(){return Ve.isOnline()?this.#t.resumePausedMutations():Promise.resolve()}getQueryCache(){return this.#e}getMutationCache(){return this.#t}getDefaultOptions(){return this.#n}setDefaultOptions(e){this.#n=e}setQueryDefaults(e,t){this.#r.set(_e(e),{queryKey:e,defaultOptions:t})}getQueryDefaults(e){let t=[...this.#r.values()],n={};return t.forEach(t=>{k(e,t.queryKey)&&Object.assign(n,t.defaultOptions)}),n}setMutationDefaults(e,t){this.#i.set(_e(e),{mutationKey:e,defaultOptions:t})}getMutationDefaults(e){let t=[...this.#i.values()],n={};return t.forEach(t=>{k(e,t.mutationKey)&&Object.assign(n,t.defaultOptions)}),n}defaultQueryOptions(e){if(e._defaulted)return e;let t={...this.#n.queries,...this.getQueryDefaults(e.queryKey),...e,_defaulted:!0};return t.queryHash||=ge(t.queryKey,t),t.refetchOnReconnect===void 0&&(t.refetchOnReconnect=t.networkMode!==`always`),t.throwOnError===void 0&&(t.throwOnError=!!t.suspense),!t.networkMode&&t.persister&&(t.networkMode=`offlineFirst`),t.queryFn===Oe&&(t.enabled=!1),t}defaultMutationOptions(e){return e?._defaulted?e:{...this.#n.mutations,...e?.mutationKey&&this.getMutationDefaults(e.mutationKey),...e,_defaulted:!0}}clear(){this.#e.clear(),this.#t.clear()}},ct=(e,t,n)=>{let r=n?.state.status===`error`&&typeof e.throwOnError==`function`?Ae(e.throwOnError,[n.state.error,n]):e.throwOnError;(e.suspense||r)&&(t.isReset()||(e.retryOnMount=!1))},lt=e=>{b.useEffect(()=>{e.clearReset()},[e])},ut=({result:e,errorResetBoundary:t,throwOnError:n,query:r,suspense:i})=>e.isError&&!t.isReset()&&!e.isFetching&&r&&(i&&e.data===void 0||Ae(n,[e.error,r])),dt=e=>{if(e.suspense){let t=1e3,n=e=>e===`static`?e:Math.max(e??t,t),r=e.staleTime;e.staleTime=typeof r==`function`?(...e)=>n(r(...e)):n(r),typeof e.gcTime==`number`&&(e.gcTime=Math.max(e.gcTime,t))}},ft=(e,t)=>e?.suspense&&t.isPending,pt=(e,t,n)=>t.fetchOptimistic(e).catch(()=>{n.clearReset()});function mt(e,t,n){let r=S(),i=ae(),a=te(n),o=a.defaultQueryOptions(e),s=a.getQueryCache().get(o.queryHash),c=e.subscribed!==!1;o._optimisticResults=r?`isRestoring`:c?`optimistic`:void 0,dt(o),ct(o,i,s),lt(i);let[l]=b.useState(()=>new t(a,o)),u=l.getOptimisticResult(o);b.useEffect(()=>{l.setOptions(o)},[o,l]);let d=!r&&c;if(b.useSyncExternalStore(b.useCallback(e=>{let t=d?l.subscribe(A.batchCalls(e)):D;return l.updateResult(),t},[l,d]),()=>l.getCurrentResult(),()=>l.getCurrentResult()),ft(o,u))throw pt(o,l,i);if(ut({result:u,errorResetBoundary:i,throwOnError:o.throwOnError,query:s,suspense:o.suspense}))throw u.error;return o.notifyOnChangeProps?u:l.trackResult(u)}function ht(e,t){return mt(e,Xe,t)}var gt=t((e=>{var t=l();e.createRoot=t.createRoot,e.hydrateRoot=t.hydrateRoot})),_t=/^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i,vt=/^[\\/]{2}/;function yt(e,t){return t+e.replace(/\\/g,`/`)}var bt=`popstate`;function xt(e){return typeof e==`object`&&!!e&&`pathname`in e&&`search`in e&&`hash`in e&&`state`in e&&`key`in e}function St(e={}){function t(e,t){let{pathname:n=`/`,search:r=``,hash:i=``}=P(e.location.hash.substring(1));return!n.startsWith(`/`)&&!n.startsWith(`.`)&&(n=`/`+n),Tt(``,{pathname:n,search:r,hash:i},t.state&&t.state.usr||null,t.state&&t.state.key||`default`)}function n(e,t){let n=e.document.querySelector(`base`),r=``;if(n&&n.getAttribute(`href`)){let t=e.location.href,n=t.indexOf(`#`);r=n===-1?t:t.slice(0,n)}return r+`#`+(typeof t==`string`?t:N(t))}function r(e,t){M(e.pathname.charAt(0)===`/`,`relative pathnames are not supported in hash history.push(${JSON.stringify(t)})`)}return Et(t,n,r,e)}function j(e,t){if(e===!1||e==null)throw Error(t)}function M(e,t){if(!e){typeof console<`u`&&console.warn(t);try{throw Error(t)}catch{}}}function Ct(){return Math.random().toString(36).substring(2,10)}function wt(e,t){return{usr:e.state,key:e.key,idx:t,masked:e.mask?{pathname:e.pathname,search:e.search,hash:e.hash}:void 0}}function Tt(e,t,n=null,r,i){return{pathname:typeof e==`string`?e:e.pathname,search:``,hash:``,...typeof t==`string`?P(t):t,state:n,key:t&&t.key||r||Ct(),mask:i}}function N({pathname:e=`/`,search:t=``,hash:n=``}){return t&&t!==`?`&&(e+=t.charAt(0)===`?`?t:`?`+t),n&&n!==`#`&&(e+=n.charAt(0)===`#`?n:`#`+n),e}function P(e){let t={};if(e){let n=e.indexOf(`#`);n>=0&&(t.hash=e.substring(n),e=e.substring(0,n));let r=e.indexOf(`?`);r>=0&&(t.search=e.substring(r),e=e.substring(0,r)),e&&(t.pathname=e)}return t}function Et(e,t,n,r={}){let{window:i=document.defaultView,v5Compat:a=!1}=r,o=i.history,s=`POP`,c=null,l=u();l??(l=0,o.replaceState({...o.state,idx:l},``));function u(){return(o.state||{idx:null}).idx}function d(){s=`POP`;let e=u(),t=e==null?null:e-l;l=e,c&&c({action:s,location:h.location,delta:t})}function f(e,t){s=`PUSH`;let r=xt(e)?e:Tt(h.location,e,t);n&&n(r,e),l=u()+1;let d=wt(r,l),f=h.createHref(r.mask||r);try{o.pushState(d,``,f)}catch(e){if(e instanceof DOMException&&e.name===`DataCloneError`)throw e;i.location.assign(f)}a&&c&&c({action:s,location:h.location,delta:1})}function p(e,t){s=`REPLACE`;let r=xt(e)?e:Tt(h.location,e,t);n&&n(r,e),l=u();let i=wt(r,l),d=h.createHref(r.mask||r);o.replaceState(i,``,d),a&&c&&c({action:s,location:h.location,delta:0})}function m(e){return Dt(i,e)}let h={get action(){return s},get location(){return e(i,o)},listen(e){if(c)throw Error(`A history only accepts one active listener`);return i.addEventListener(bt,d),c=e,()=>{i.removeEventListener(bt,d),c=null}},createHref(e){return t(i,e)},createURL:m,encodeLocation(e){let t=m(e);return{pathname:t.pathname,search:t.search,hash:t.hash}},push:f,replace:p,go(e){return o.go(e)}};return h}function Dt(e,t,n=!1){let r=`http://localhost`;e&&(r=e.location.origin===`null`?e.location.href:e.location.origin),j(r,`No window.location.(origin|href) available to create URL`);let i=typeof t==`string`?t:N(t);return i=i.replace(/ $/,`%20`),!n&&vt.test(i)&&(i=r+i),new URL(i,r)}var Ot=new URL(`http://localhost`);function kt(e){if(e.createURL)return e.createURL(`/`);try{return new URL(e.createHref(`/`),Ot)}catch{return Ot}}function At(e,t){return e.origin===t.origin&&(e.origin!==`null`||e.protocol===t.protocol&&e.host===t.host)}function jt(e,t){if(e.startsWith(`//`))return!0;let n=t.protocol.toLowerCase();return e.toLowerCase().startsWith(n)?t.host===``||e.slice(n.length).startsWith(`//`):!1}function Mt(e){let t=e.replace(/[\t\n\r]/g,``),n=0;for(;t.charCodeAt(n)<=32;)n++;if(t=t.slice(n),!_t.test(t))return;let r;try{r=new URL(e,Ot)}catch{return}if(!jt(e,r))throw Error(`External navigation is not allowed`)}function Nt(e,t,n,r){let i=null;try{i=e==null?null:new URL(e,n)}catch{}let a=new URL(t,n),o=i!=null&&!At(i,n),s=!At(a,n);if(r===`reject`){if(o||s)throw Error(`External navigation is not allowed`)}else if(s&&(i==null||!jt(e,i)||!At(i,a)))throw Error(`External navigation is not allowed`)}function Pt(e,t,n=`/`){return Ft(e,t,n,!1)}function Ft(e,t,n,r,i){let a=F((typeof t==`string`?P(t):t).pathname||`/`,n);if(a==null)return null;let o=i??It(e),s=null,c=en(a);for(let e=0;s==null&&e<o.length;++e)s=Yt(o[e],c,r);return s}function It(e){let t=Lt(e);return zt(t),t}function Lt(e,t=[],n=[],r=``,i=!1){let a=(e,a,o=i,s)=>{let c={relativePath:s===void 0?e.path||``:s,caseSensitive:e.caseSensitive===!0,childrenIndex:a,route:e};if(c.relativePath.startsWith(`/`)){if(!c.relativePath.startsWith(r)&&o)return;j(c.relativePath.startsWith(r),`Absolute route path "${c.relativePath}" nested under path "${r}" is not valid. An absolute child route path must start with the combined path of all its parent routes.`),c.relativePath=c.relativePath.slice(r.length)}let l=I([r,c.relativePath]),u=n.concat(c);e.children&&e.children.length>0&&(j(e.index!==!0,`Index routes must not have child routes. Please remove all child routes from route path "${l}".`),Lt(e.children,t,u,l,o)),(e.path!=null||e.index)&&t.push({path:l,score:qt(l,e.index),routesMeta:u.map((e,t)=>{let[n,r]=$t(e.relativePath,e.caseSensitive,t===u.length-1);return{...e,matcher:n,compiledParams:r}})})};return e.forEach((e,t)=>{if(e.path===``||!e.path?.includes(`?`))a(e,t);else for(let n of Rt(e.path))a(e,t,!0,n)}),t}function Rt(e){let t=e.split(`/`);if(t.length===0)return[];let[n,...r]=t,i=n.endsWith(`?`),a=n.replace(/\?$/,``);if(r.length===0)return i?[a,``]:[a];let o=Rt(r.join(`/`)),s=[];return s.push(...o.map(e=>e===``?a:[a,e].join(`/`))),i&&s.push(...o),s.map(t=>e.startsWith(`/`)&&t===``?`/`:t)}function zt(e){e.sort((e,t)=>e.score===t.score?Jt(e.routesMeta.map(e=>e.childrenIndex),t.routesMeta.map(e=>e.childrenIndex)):t.score-e.score)}var Bt=/^:[\w-]+$/,Vt=3,Ht=2,Ut=1,Wt=10,Gt=-2,Kt=e=>e===`*`;function qt(e,t){let n=e.split(`/`),r=n.length;return n.some(Kt)&&(r+=Gt),t&&(r+=Ht),n.filter(e=>!Kt(e)).reduce((e,t)=>e+(Bt.test(t)?Vt:t===``?Ut:Wt),r)}function Jt(e,t){return e.length===t.length&&e.slice(0,-1).every((e,n)=>e===t[n])?e[e.length-1]-t[t.length-1]:0}function Yt(e,t,n=!1){let{routesMeta:r}=e,i={},a=`/`,o=[];for(let e=0;e<r.length;++e){let s=r[e],c=e===r.length-1,l=a===`/`?t:t.slice(a.length)||`/`,u={path:s.relativePath,caseSensitive:s.caseSensitive,end:c},d=s.matcher&&s.compiledParams?Qt(u,l,s.matcher,s.compiledParams):Zt(u,l),f=s.route;if(!d&&c&&n&&!r[r.length-1].route.index&&(d=Zt({path:s.relativePath,caseSensitive:s.caseSensitive,end:!1},l)),!d)return null;Object.assign(i,d.params),o.push({params:i,pathname:I([a,d.pathname]),pathnameBase:ln(I([a,d.pathnameBase])),route:f}),d.pathnameBase!==`/`&&(a=I([a,d.pathnameBase]))}return o}var Xt=12;function Zt(e,t){typeof e==`string`&&(e={path:e,caseSensitive:!1,end:!0});let{path:n}=e,r=0;for(let e=n.indexOf(`?`);e!==-1;e=n.indexOf(`?`,e+1))if(++r>Xt)throw Error(`Path pattern ${JSON.stringify(n)} exceeds the limit of ${Xt} optional segments.`);let[i,a]=$t(n,e.caseSensitive,e.end);return Qt(e,t,i,a)}function Qt(e,t,n,r){let i=t.match(n);if(!i)return null;let a=i[0],o=L(a,1),s=i.slice(1);return{params:r.reduce((e,{paramName:t,isOptional:n},r)=>{if(t===`*`){let e=s[r]||``;o=L(a.slice(0,a.length-e.length),1)}let i=s[r];return e[t]=n&&!i?void 0:(i||``).replace(/%2F/g,`/`),e},{}),pathname:a,pathnameBase:o,pattern:e}}function $t(e,t=!1,n=!0){M(e===`*`||!e.endsWith(`*`)||e.endsWith(`/*`),`Route path "${e}" will be treated as if it were "${e.replace(/\*$/,`/*`)}" because the \`*\` character must always follow a \`/\` in the pattern. To get rid of this warning, please change the route path to "${e.replace(/\*$/,`/*`)}".`);let r=[],i=`^`+e.replace(/\/*\*?$/,``).replace(/^\/*/,`/`).replace(/[\\.*+^${}|()[\]]/g,`\\$&`).replace(/\/:([\w-]+)(\?)?/g,(e,t,n,i,a)=>{if(r.push({paramName:t,isOptional:n!=null}),n){let t=a.charAt(i+e.length);return t&&t!==`/`?`/([^\\/]*)`:`(?:/([^\\/]*))?`}return`/([^\\/]+)`}).replace(/\/([\w-]+)\?(\/|$)/g,`(/$1)?$2`);return e.endsWith(`*`)?(r.push({paramName:`*`}),i+=e===`*`||e===`/*`?`(.*)$`:`(?:\\/(.+)|\\/*)$`):n?i+=`\\/*$`:e!==``&&e!==`/`&&(i+=`(?:(?=\\/|$))`),[new RegExp(i,t?void 0:`i`),r]}function en(e){try{return e.split(`/`).map(e=>decodeURIComponent(e).replace(/\//g,`%2F`)).join(`/`)}catch(t){return M(!1,`The URL path "${e}" could not be decoded because it is a malformed URL segment. This is probably due to a bad percent encoding (${t}).`),e}}function F(e,t){if(t===`/`)return e;if(!e.toLowerCase().startsWith(t.toLowerCase()))return null;let n=t.endsWith(`/`)?t.length-1:t.length,r=e.charAt(n);return r&&r!==`/`?null:e.slice(n)||`/`}function tn(e,t=`/`){let{pathname:n,search:r=``,hash:i=``}=typeof e==`string`?P(e):e,a;return n?(n=cn(n),a=n.startsWith(`/`)||n.startsWith(`\\`)?nn(n.substring(1),`/`):nn(n,t)):a=t,{pathname:a,search:un(r),hash:dn(i)}}function nn(e,t){let n=L(t).split(`/`);return e.split(`/`).forEach(e=>{e===`..`?n.length>1&&n.pop():e!==`.`&&n.push(e)}),n.length>1?n.join(`/`):`/`}function rn(e,t,n,r){return`Cannot include a '${e}' character in a manually specified \`to.${t}\` field [${JSON.stringify(r)}].  Please separate it out to the \`to.${n}\` field. Alternatively you may provide the full path as a string in <Link to="..."> and the router will parse it for you.`}function an(e){return e.filter((e,t)=>t===0||e.route.path&&e.route.path.length>0)}function on(e){let t=an(e);return t.map((e,n)=>n===t.length-1?e.pathname:e.pathnameBase)}function sn(e,t,n,r=!1){let i;typeof e==`string`?i=P(e):(i={...e},j(!i.pathname||!i.pathname.includes(`?`),rn(`?`,`pathname`,`search`,i)),j(!i.pathname||!i.pathname.includes(`#`),rn(`#`,`pathname`,`hash`,i)),j(!i.search||!i.search.includes(`#`),rn(`#`,`search`,`hash`,i)));let a=e===``||i.pathname===``,o=a?`/`:i.pathname,s;if(o==null)s=n;else{let e=t.length-1;if(!r&&o.startsWith(`..`)){let t=o.split(`/`);for(;t[0]===`..`;)t.shift(),--e;i.pathname=t.join(`/`)}s=e>=0?t[e]:`/`}let c=tn(i,s),l=o&&o!==`/`&&o.endsWith(`/`),u=(a||o===`.`)&&n.endsWith(`/`);return!c.pathname.endsWith(`/`)&&(l||u)&&(c.pathname+=`/`),c}var cn=e=>e.replace(/[\\/]{2,}/g,`/`),I=e=>cn(e.join(`/`));function L(e,t=0){let n=e.length;for(;n>t&&e.charCodeAt(n-1)===47;)n--;return n===e.length?e:e.slice(0,n)}var ln=e=>L(e).replace(/^\/*/,`/`),un=e=>!e||e===`?`?``:e.startsWith(`?`)?e:`?`+e,dn=e=>!e||e===`#`?``:e.startsWith(`#`)?e:`#`+e,fn=class{constructor(e,t,n,r=!1){this.status=e,this.statusText=t||``,this.internal=r,n instanceof Error?(this.data=n.toString(),this.error=n):this.data=n}};function pn(e){return e!=null&&typeof e.status==`number`&&typeof e.statusText==`string`&&typeof e.internal==`boolean`&&`data`in e}function mn(e){return I(e.map(e=>e.route.path).filter(Boolean))||`/`}var hn=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0;function gn(e,t){let n=e;if(typeof n!=`string`||!_t.test(n))return{absoluteURL:void 0,isExternal:!1,to:n};let r=n,i=!1;if(hn)try{let e=new URL(window.location.href),r=vt.test(n)?new URL(yt(n,e.protocol)):new URL(n),a=F(r.pathname,t);r.origin===e.origin&&a!=null?n=a+r.search+r.hash:i=!0}catch{M(!1,`<Link to="${n}"> contains an invalid URL which will probably break when clicked - please update to a valid URL path.`)}return{absoluteURL:r,isExternal:i,to:n}}Object.getOwnPropertyNames(Object.prototype).sort().join(`\0`);var _n=[`POST`,`PUT`,`PATCH`,`DELETE`];new Set(_n);var vn=[`GET`,..._n];new Set(vn);var yn=[`about:`,`blob:`,`chrome:`,`chrome-untrusted:`,`content:`,`data:`,`devtools:`,`file:`,`filesystem:`,`javascript:`];function bn(e){try{return yn.includes(new URL(e).protocol)}catch{return!1}}var R=b.createContext(null);R.displayName=`DataRouter`;var xn=b.createContext(null);xn.displayName=`DataRouterState`;var Sn=b.createContext(!1);function Cn(){return b.useContext(Sn)}var wn=b.createContext({isTransitioning:!1});wn.displayName=`ViewTransition`;var Tn=b.createContext(new Map);Tn.displayName=`Fetchers`;var En=b.createContext(null);En.displayName=`Await`;var z=b.createContext(null);z.displayName=`Navigation`;var Dn=b.createContext(null);Dn.displayName=`Location`;var B=b.createContext({outlet:null,matches:[],isDataRoute:!1});B.displayName=`Route`;var On=b.createContext(null);On.displayName=`RouteError`;var kn=`REACT_ROUTER_ERROR`,An=`REDIRECT`,jn=`ROUTE_ERROR_RESPONSE`;function Mn(e){if(e.startsWith(`${kn}:${An}:{`))try{let t=JSON.parse(e.slice(28));if(typeof t==`object`&&t&&typeof t.status==`number`&&typeof t.statusText==`string`&&typeof t.location==`string`&&typeof t.reloadDocument==`boolean`&&typeof t.replace==`boolean`)return t}catch{}}function Nn(e){if(e.startsWith(`${kn}:${jn}:{`))try{let t=JSON.parse(e.slice(40));if(typeof t==`object`&&t&&typeof t.status==`number`&&typeof t.statusText==`string`)return new fn(t.status,t.statusText,t.data)}catch{}}function Pn(e,{relative:t}={}){j(Fn(),`useHref() may be used only in the context of a <Router> component.`);let{basename:n,navigator:r}=b.useContext(z),{hash:i,pathname:a,search:o}=Vn(e,{relative:t}),s=a;return n!==`/`&&(s=a===`/`?n:I([n,a])),r.createHref({pathname:s,search:o,hash:i})}function Fn(){return b.useContext(Dn)!=null}function V(){return j(Fn(),`useLocation() may be used only in the context of a <Router> component.`),b.useContext(Dn).location}var In=`You should call navigate() in a React.useEffect(), not when your component is first rendered.`;function Ln(e){b.useContext(z).static||b.useLayoutEffect(e)}function Rn(){let{isDataRoute:e}=b.useContext(B);return e?ir():zn()}function zn(){j(Fn(),`useNavigate() may be used only in the context of a <Router> component.`);let e=b.useContext(R),{basename:t,navigator:n}=b.useContext(z),{matches:r}=b.useContext(B),{pathname:i}=V(),a=JSON.stringify(on(r)),o=b.useRef(!1);return Ln(()=>{o.current=!0}),b.useCallback((r,s={})=>{if(M(o.current,In),!o.current)return;if(typeof r==`number`){n.go(r);return}let c=sn(r,JSON.parse(a),i,s.relative===`path`);e==null&&t!==`/`&&(c.pathname=c.pathname===`/`?t:I([t,c.pathname])),Nt(typeof r==`string`?r:N(r),n.createHref(c),kt(n),`reject`),(s.replace?n.replace:n.push)(c,s.state,s)},[t,n,a,i,e])}b.createContext(null);function Bn(){let{matches:e}=b.useContext(B);return e[e.length-1]?.params??{}}function Vn(e,{relative:t}={}){let{matches:n}=b.useContext(B),{pathname:r}=V(),i=JSON.stringify(on(n));return b.useMemo(()=>sn(e,JSON.parse(i),r,t===`path`),[e,i,r,t])}function Hn(e,t){return Un(e,t)}function Un(e,t,n){j(Fn(),`useRoutes() may be used only in the context of a <Router> component.`);let{navigator:r}=b.useContext(z),{matches:i}=b.useContext(B),a=i[i.length-1],o=a?a.params:{},s=a?a.pathname:`/`,c=a?a.pathnameBase:`/`,l=a&&a.route;{let e=l&&l.path||``;or(s,!l||e.endsWith(`*`)||e.endsWith(`*?`),`You rendered descendant <Routes> (or called \`useRoutes()\`) at "${s}" (under <Route path="${e}">) but the parent route path has no trailing "*". This means if you navigate deeper, the parent won't match anymore and therefore the child routes will never render.

Please change the parent <Route path="${e}"> to <Route path="${e===`/`?`*`:`${e}/*`}">.`)}let u=V(),d;if(t){let e=typeof t==`string`?P(t):t;j(c===`/`||e.pathname?.startsWith(c),`When overriding the location using \`<Routes location>\` or \`useRoutes(routes, location)\`, the location pathname must begin with the portion of the URL pathname that was matched by all parent routes. The current pathname base is "${c}" but pathname "${e.pathname}" was given in the \`location\` prop.`),d=e}else d=u;let f=d.pathname||`/`,p=f;if(c!==`/`){let e=c.replace(/^\//,``).split(`/`);p=`/`+f.replace(/^\//,``).split(`/`).slice(e.length).join(`/`)}let m=n&&n.state.matches.length?n.state.matches.map(e=>Object.assign(e,{route:n.manifest[e.route.id]||e.route})):Pt(e,{pathname:p});M(l||m!=null,`No routes matched location "${d.pathname}${d.search}${d.hash}" `),M(m==null||m[m.length-1].route.element!==void 0||m[m.length-1].route.Component!==void 0||m[m.length-1].route.lazy!==void 0,`Matched leaf route at location "${d.pathname}${d.search}${d.hash}" does not have an element or Component. This means it will render an <Outlet /> with a null value by default resulting in an "empty" page.`);let h=Xn(m&&m.map(e=>Object.assign({},e,{params:Object.assign({},o,e.params),pathname:I([c,r.encodeLocation?r.encodeLocation(e.pathname.replace(/%/g,`%25`).replace(/\?/g,`%3F`).replace(/#/g,`%23`)).pathname:e.pathname]),pathnameBase:e.pathnameBase===`/`?c:I([c,r.encodeLocation?r.encodeLocation(e.pathnameBase.replace(/%/g,`%25`).replace(/\?/g,`%3F`).replace(/#/g,`%23`)).pathname:e.pathnameBase])})),i,n);return t&&h?b.createElement(Dn.Provider,{value:{location:{pathname:`/`,search:``,hash:``,state:null,key:`default`,mask:void 0,...d},navigationType:`POP`}},h):h}function Wn(){let e=rr(),t=pn(e)?`${e.status} ${e.statusText}`:e instanceof Error?e.message:JSON.stringify(e),n=e instanceof Error?e.stack:null,r=`rgba(200,200,200, 0.5)`,i={padding:`0.5rem`,backgroundColor:r},a={padding:`2px 4px`,backgroundColor:r},o=null;return console.error(`Error handled by React Router default ErrorBoundary:`,e),o=b.createElement(b.Fragment,null,b.createElement(`p`,null,`💿 Hey developer 👋`),b.createElement(`p`,null,`You can provide a way better UX than this when your app throws errors by providing your own `,b.createElement(`code`,{style:a},`ErrorBoundary`),` or`,` `,b.createElement(`code`,{style:a},`errorElement`),` prop on your route.`)),b.createElement(b.Fragment,null,b.createElement(`h2`,null,`Unexpected Application Error!`),b.createElement(`h3`,{style:{fontStyle:`italic`}},t),n?b.createElement(`pre`,{style:i},n):null,o)}var Gn=b.createElement(Wn,null),Kn=class extends b.Component{constructor(e){super(e),this.state={location:e.location,revalidation:e.revalidation,error:e.error}}static getDerivedStateFromError(e){return{error:e}}static getDerivedStateFromProps(e,t){return t.location!==e.location||t.revalidation!==`idle`&&e.revalidation===`idle`?{error:e.error,location:e.location,revalidation:e.revalidation}:{error:e.error===void 0?t.error:e.error,location:t.location,revalidation:e.revalidation||t.revalidation}}componentDidCatch(e,t){this.props.onError?this.props.onError(e,t):console.error(`React Router caught the following error during render`,e)}render(){let e=this.state.error;if(this.context&&typeof e==`object`&&e&&`digest`in e&&typeof e.digest==`string`){let t=Nn(e.digest);t&&(e=t)}let t=e===void 0?this.props.children:b.createElement(B.Provider,{value:this.props.routeContext},b.createElement(On.Provider,{value:e,children:this.props.component}));return this.context?b.createElement(Jn,{error:e},t):t}};Kn.contextType=Sn;var qn=new WeakMap;function Jn({children:e,error:t}){let{basename:n,navigator:r}=b.useContext(z);if(typeof t==`object`&&t&&`digest`in t&&typeof t.digest==`string`){let e=Mn(t.digest);if(e){let i=qn.get(t);if(i)throw i;let a=gn(e.location,n),o=a.absoluteURL||a.to;if(Nt(e.location,o,kt(r),`allow-explicit`),bn(o))throw Error(`Invalid redirect location`);if(hn&&!qn.get(t)){if(a.isExternal||e.reloadDocument)window.location.href=o;else{let n=Promise.resolve().then(()=>window.__reactRouterDataRouter.navigate(a.to,{replace:e.replace}));throw qn.set(t,n),n}}return b.createElement(`meta`,{httpEquiv:`refresh`,content:`0;url=${o}`})}}return e}function Yn({routeContext:e,match:t,children:n}){let r=b.useContext(R);return r&&r.static&&r.staticContext&&(t.route.errorElement||t.route.ErrorBoundary)&&(r.staticContext._deepestRenderedBoundaryId=t.route.id),b.createElement(B.Provider,{value:e},n)}function Xn(e,t=[],n){let r=n?.state;if(e==null){if(!r)return null;if(r.errors)e=r.matches;else if(t.length===0&&!r.initialized&&r.matches.length>0)e=r.matches;else return null}let i=e,a=r?.errors;if(a!=null){let e=i.findIndex(e=>e.route.id&&a?.[e.route.id]!==void 0);j(e>=0,`Could not find a matching route for errors on route IDs: ${Object.keys(a).join(`,`)}`),i=i.slice(0,Math.min(i.length,e+1))}let o=!1,s=-1;if(n&&r){o=r.renderFallback;for(let e=0;e<i.length;e++){let t=i[e];if((t.route.HydrateFallback||t.route.hydrateFallbackElement)&&(s=e),t.route.id){let{loaderData:e,errors:a}=r,c=t.route.loader&&!e.hasOwnProperty(t.route.id)&&(!a||a[t.route.id]===void 0);if(t.route.lazy||c){n.isStatic&&(o=!0),i=s>=0?i.slice(0,s+1):[i[0]];break}}}}let c=n?.onError,l=r&&c?(e,t)=>{c(e,{location:r.location,params:r.matches?.[0]?.params??{},pattern:mn(r.matches),errorInfo:t})}:void 0;return i.reduceRight((e,n,c)=>{let u,d=!1,f=null,p=null;r&&(u=a&&n.route.id?a[n.route.id]:void 0,f=n.route.errorElement||Gn,o&&(s<0&&c===0?(or(`route-fallback`,!1,"No `HydrateFallback` element provided to render during initial hydration"),d=!0,p=null):s===c&&(d=!0,p=n.route.hydrateFallbackElement||null)));let m=t.concat(i.slice(0,c+1)),h=()=>{let t;return t=u?f:d?p:n.route.Component?b.createElement(n.route.Component,null):n.route.element?n.route.element:e,b.createElement(Yn,{match:n,routeContext:{outlet:e,matches:m,isDataRoute:r!=null},children:t})};return r&&(n.route.ErrorBoundary||n.route.errorElement||c===0)?b.createElement(Kn,{location:r.location,revalidation:r.revalidation,component:f,error:u,children:h(),routeContext:{outlet:null,matches:m,isDataRoute:!0},onError:l}):h()},null)}function Zn(e){return`${e} must be used within a data router.  See https://reactrouter.com/en/main/routers/picking-a-router.`}function Qn(e){let t=b.useContext(R);return j(t,Zn(e)),t}function $n(e){let t=b.useContext(xn);return j(t,Zn(e)),t}function er(e){let t=b.useContext(B);return j(t,Zn(e)),t}function tr(e){let t=er(e),n=t.matches[t.matches.length-1];return j(n.route.id,`${e} can only be used on routes that contain a unique "id"`),n.route.id}function nr(){return tr(`useRouteId`)}function rr(){let e=b.useContext(On),t=$n(`useRouteError`),n=tr(`useRouteError`);return e===void 0?t.errors?.[n]:e}function ir(){let{router:e}=Qn(`useNavigate`),t=tr(`useNavigate`),n=b.useRef(!1);return Ln(()=>{n.current=!0}),b.useCallback(async(r,i={})=>{M(n.current,In),n.current&&(typeof r==`number`?await e.navigate(r):await e.navigate(r,{fromRouteId:t,...i}))},[e,t])}var ar={};function or(e,t,n){!t&&!ar[e]&&(ar[e]=!0,M(!1,n))}b.memo(sr);function sr({routes:e,manifest:t,future:n,state:r,isStatic:i,onError:a}){return Un(e,void 0,{manifest:t,state:r,isStatic:i,onError:a,future:n})}function cr(e){j(!1,`A <Route> is only ever to be used as the child of <Routes> element, never rendered directly. Please wrap your <Route> in a <Routes>.`)}function lr({basename:e=`/`,children:t=null,location:n,navigationType:r=`POP`,navigator:i,static:a=!1,useTransitions:o}){j(!Fn(),`You cannot render a <Router> inside another <Router>. You should never have more than one in your app.`);let s=e.replace(/^\/*/,`/`),c=b.useMemo(()=>({basename:s,navigator:i,static:a,useTransitions:o,future:{}}),[s,i,a,o]);typeof n==`string`&&(n=P(n));let{pathname:l=`/`,search:u=``,hash:d=``,state:f=null,key:p=`default`,mask:m}=n,h=b.useMemo(()=>{let e=F(l,s);return e==null?null:{location:{pathname:e,search:u,hash:d,state:f,key:p,mask:m},navigationType:r}},[s,l,u,d,f,p,r,m]);return M(h!=null,`<Router basename="${s}"> is not able to match the URL "${l}${u}${d}" because it does not start with the basename, so the <Router> won't render anything.`),h==null?null:b.createElement(z.Provider,{value:c},b.createElement(Dn.Provider,{children:t,value:h}))}function ur({children:e,location:t}){return Hn(dr(e),t)}b.Component;function dr(e,t=[]){let n=[];return b.Children.forEach(e,(e,r)=>{if(!b.isValidElement(e))return;let i=[...t,r];if(e.type===b.Fragment){n.push.apply(n,dr(e.props.children,i));return}j(e.type===cr,`[${typeof e.type==`string`?e.type:e.type.name}] is not a <Route> component. All component children of <Routes> must be a <Route> or <React.Fragment>`),j(!e.props.index||!e.props.children,`An index route cannot have child routes.`);let a={id:e.props.id||i.join(`-`),caseSensitive:e.props.caseSensitive,element:e.props.element,Component:e.props.Component,index:e.props.index,path:e.props.path,middleware:e.props.middleware,loader:e.props.loader,action:e.props.action,hydrateFallbackElement:e.props.hydrateFallbackElement,HydrateFallback:e.props.HydrateFallback,errorElement:e.props.errorElement,ErrorBoundary:e.props.ErrorBoundary,hasErrorBoundary:e.props.hasErrorBoundary===!0||e.props.ErrorBoundary!=null||e.props.errorElement!=null,shouldRevalidate:e.props.shouldRevalidate,handle:e.props.handle,lazy:e.props.lazy};e.props.children&&(a.children=dr(e.props.children,i)),n.push(a)}),n}var fr=`get`,pr=`application/x-www-form-urlencoded`;function mr(e){return typeof HTMLElement<`u`&&e instanceof HTMLElement}function hr(e){return mr(e)&&e.tagName.toLowerCase()===`button`}function gr(e){return mr(e)&&e.tagName.toLowerCase()===`form`}function _r(e){return mr(e)&&e.tagName.toLowerCase()===`input`}function vr(e){return!!(e.metaKey||e.altKey||e.ctrlKey||e.shiftKey)}function yr(e,t){return e.button===0&&(!t||t===`_self`)&&!vr(e)}var br=null;function xr(){if(br===null)try{new FormData(document.createElement(`form`),0),br=!1}catch{br=!0}return br}var Sr=new Set([`application/x-www-form-urlencoded`,`multipart/form-data`,`text/plain`]);function Cr(e){return e!=null&&!Sr.has(e)?(M(!1,`"${e}" is not a valid \`encType\` for \`<Form>\`/\`<fetcher.Form>\` and will default to "${pr}"`),null):e}function wr(e,t){let n,r,i,a,o;if(gr(e)){let o=e.getAttribute(`action`);r=o?F(o,t):null,n=e.getAttribute(`method`)||fr,i=Cr(e.getAttribute(`enctype`))||pr,a=new FormData(e)}else if(hr(e)||_r(e)&&(e.type===`submit`||e.type===`image`)){let o=e.form;if(o==null)throw Error(`Cannot submit a <button> or <input type="submit"> without a <form>`);let s=e.getAttribute(`formaction`)||o.getAttribute(`action`);if(r=s?F(s,t):null,n=e.getAttribute(`formmethod`)||o.getAttribute(`method`)||fr,i=Cr(e.getAttribute(`formenctype`))||Cr(o.getAttribute(`enctype`))||pr,a=new FormData(o,e),!xr()){let{name:t,type:n,value:r}=e;if(n===`image`){let e=t?`${t}.`:``;a.append(`${e}x`,`0`),a.append(`${e}y`,`0`)}else t&&a.append(t,r)}}else if(mr(e))throw Error(`Cannot submit element that is not <form>, <button>, or <input type="submit|image">`);else n=fr,r=null,i=pr,o=e;return a&&i===`text/plain`&&(o=a,a=void 0),{action:r,method:n.toLowerCase(),encType:i,formData:a,body:o}}Object.getOwnPropertyNames(Object.prototype).sort().join(`\0`);function Tr(e,t){if(e===!1||e==null)throw Error(t)}function Er(e,t,n,r){let i=typeof e==`string`?new URL(e,typeof window>`u`?`server://singlefetch/`:window.location.origin):e;return i.pathname=n?i.pathname.endsWith(`/`)?`${i.pathname}_.${r}`:`${i.pathname}.${r}`:i.pathname===`/`?`_root.${r}`:t&&F(i.pathname,t)===`/`?`${L(t)}/_root.${r}`:`${L(i.pathname)}.${r}`,i}async function Dr(e,t){if(e.id in t)return t[e.id];try{let n=await import(e.module);return t[e.id]=n,n}catch(t){return console.error(`Error loading route module \`${e.module}\`, reloading page...`),console.error(t),window.__reactRouterContext&&window.__reactRouterContext.isSpaMode,window.location.reload(),new Promise(()=>{})}}function Or(e){return e!=null&&typeof e.page==`string`}function kr(e){return e==null?!1:e.href==null?e.rel===`preload`&&typeof e.imageSrcSet==`string`&&typeof e.imageSizes==`string`:typeof e.rel==`string`&&typeof e.href==`string`}async function Ar(e,t,n){return Fr((await Promise.all(e.map(async e=>{let r=t.routes[e.route.id];if(r){let e=await Dr(r,n);return e.links?e.links():[]}return[]}))).flat(1).filter(kr).filter(e=>e.rel===`stylesheet`||e.rel===`preload`).map(e=>e.rel===`stylesheet`?{...e,rel:`prefetch`,as:`style`}:{...e,rel:`prefetch`}))}function jr(e,t,n,r,i,a){let o=(e,t)=>!n[t]||e.route.id!==n[t].route.id,s=(e,t)=>n[t].pathname!==e.pathname||n[t].route.path?.endsWith(`*`)&&n[t].params[`*`]!==e.params[`*`];return a===`assets`?t.filter((e,t)=>o(e,t)||s(e,t)):a===`data`?t.filter((t,a)=>{let c=r.routes[t.route.id];if(!c||!c.hasLoader)return!1;if(o(t,a)||s(t,a))return!0;if(t.route.shouldRevalidate){let r=t.route.shouldRevalidate({currentUrl:new URL(i.pathname+i.search+i.hash,window.origin),currentParams:n[0]?.params||{},nextUrl:new URL(e,window.origin),nextParams:t.params,defaultShouldRevalidate:!0});if(typeof r==`boolean`)return r}return!0}):[]}function Mr(e,t,{includeHydrateFallback:n}={}){return Nr(e.map(e=>{let r=t.routes[e.route.id];if(!r)return[];let i=[r.module];return r.clientActionModule&&(i=i.concat(r.clientActionModule)),r.clientLoaderModule&&(i=i.concat(r.clientLoaderModule)),n&&r.hydrateFallbackModule&&(i=i.concat(r.hydrateFallbackModule)),r.imports&&(i=i.concat(r.imports)),i}).flat(1))}function Nr(e){return[...new Set(e)]}function Pr(e){let t={},n=Object.keys(e).sort();for(let r of n)t[r]=e[r];return t}function Fr(e,t){let n=new Set,r=new Set(t);return e.reduce((e,i)=>{if(t&&!Or(i)&&i.as===`script`&&i.href&&r.has(i.href))return e;let a=JSON.stringify(Pr(i));return n.has(a)||(n.add(a),e.push({key:a,link:i})),e},[])}function Ir(){let e=b.useContext(R);return Tr(e,`You must render this element inside a <DataRouterContext.Provider> element`),e}function Lr(){let e=b.useContext(xn);return Tr(e,`You must render this element inside a <DataRouterStateContext.Provider> element`),e}var Rr=b.createContext(void 0);Rr.displayName=`FrameworkContext`;function zr(){let e=b.useContext(Rr);return Tr(e,`You must render this element inside a <HydratedRouter> element`),e}function Br(e,t){let n=b.useContext(Rr),[r,i]=b.useState(!1),[a,o]=b.useState(!1),{onFocus:s,onBlur:c,onMouseEnter:l,onMouseLeave:u,onTouchStart:d}=t,f=b.useRef(null);b.useEffect(()=>{if(e===`render`&&o(!0),e===`viewport`){let e=new IntersectionObserver(e=>{e.forEach(e=>{o(e.isIntersecting)})},{threshold:.5});return f.current&&e.observe(f.current),()=>{e.disconnect()}}},[e]),b.useEffect(()=>{if(r){let e=setTimeout(()=>{o(!0)},100);return()=>{clearTimeout(e)}}},[r]);let p=()=>{i(!0)},m=()=>{i(!1),o(!1)};return n?e===`intent`?[a,f,{onFocus:Vr(s,p),onBlur:Vr(c,m),onMouseEnter:Vr(l,p),onMouseLeave:Vr(u,m),onTouchStart:Vr(d,p)}]:[a,f,{}]:[!1,f,{}]}function Vr(e,t){return n=>{e&&e(n),n.defaultPrevented||t(n)}}function Hr({page:e,...t}){let n=Cn(),{nonce:r}=zr(),{router:i}=Ir(),a=b.useMemo(()=>Pt(i.routes,e,i.basename),[i.routes,e,i.basename]);return a?(t.nonce==null&&r&&(t={...t,nonce:r}),n?b.createElement(Wr,{page:e,matches:a,...t}):b.createElement(Gr,{page:e,matches:a,...t})):null}function Ur(e){let{manifest:t,routeModules:n}=zr(),[r,i]=b.useState([]);return b.useEffect(()=>{let r=!1;return Ar(e,t,n).then(e=>{r||i(e)}),()=>{r=!0}},[e,t,n]),r}function Wr({page:e,matches:t,...n}){let r=V(),{future:i}=zr(),{basename:a}=Ir(),o=b.useMemo(()=>{if(e===r.pathname+r.search+r.hash)return[];let n=Er(e,a,i.v8_trailingSlashAwareDataRequests,`rsc`),o=!1,s=[];for(let e of t)typeof e.route.shouldRevalidate==`function`?o=!0:s.push(e.route.id);return o&&s.length>0&&n.searchParams.set(`_routes`,s.join(`,`)),[n.pathname+n.search]},[a,i.v8_trailingSlashAwareDataRequests,e,r,t]);return b.createElement(b.Fragment,null,o.map(e=>b.createElement(`link`,{key:e,rel:`prefetch`,as:`fetch`,href:e,...n})))}function Gr({page:e,matches:t,...n}){let r=V(),{future:i,manifest:a,routeModules:o}=zr(),{basename:s}=Ir(),{loaderData:c,matches:l}=Lr(),u=b.useMemo(()=>jr(e,t,l,a,r,`data`),[e,t,l,a,r]),d=b.useMemo(()=>jr(e,t,l,a,r,`assets`),[e,t,l,a,r]),f=b.useMemo(()=>{if(e===r.pathname+r.search+r.hash)return[];let n=new Set,l=!1;if(t.forEach(e=>{let t=a.routes[e.route.id];t&&t.hasLoader&&(!u.some(t=>t.route.id===e.route.id)&&e.route.id in c&&o[e.route.id]?.shouldRevalidate||t.hasClientLoader?l=!0:n.add(e.route.id))}),n.size===0)return[];let d=Er(e,s,i.v8_trailingSlashAwareDataRequests,`data`);return l&&n.size>0&&d.searchParams.set(`_routes`,t.filter(e=>n.has(e.route.id)).map(e=>e.route.id).join(`,`)),[d.pathname+d.search]},[s,i.v8_trailingSlashAwareDataRequests,c,r,a,u,t,e,o]),p=b.useMemo(()=>Mr(d,a),[d,a]),m=Ur(d);return b.createElement(b.Fragment,null,f.map(e=>b.createElement(`link`,{key:e,rel:`prefetch`,as:`fetch`,href:e,...n})),p.map(e=>b.createElement(`link`,{key:e,rel:`modulepreload`,href:e,...n})),m.map(({key:e,link:t})=>b.createElement(`link`,{key:e,nonce:n.nonce,...t,crossOrigin:t.crossOrigin??n.crossOrigin})))}function Kr(...e){return t=>{e.forEach(e=>{typeof e==`function`?e(t):e!=null&&(e.current=t)})}}b.Component;var qr=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0;try{qr&&(window.__reactRouterVersion=`7.18.7`)}catch{}function Jr({basename:e,children:t,useTransitions:n,window:r}){let i=b.useRef();i.current??=St({window:r,v5Compat:!0});let a=i.current,[o,s]=b.useState({action:a.action,location:a.location}),c=b.useCallback(e=>{n===!1?s(e):b.startTransition(()=>s(e))},[n]);return b.useLayoutEffect(()=>a.listen(c),[a,c]),b.createElement(lr,{basename:e,children:t,location:o.location,navigationType:o.action,navigator:a,useTransitions:n})}var Yr=b.forwardRef(function({onClick:e,discover:t=`render`,prefetch:n=`none`,relative:r,reloadDocument:i,replace:a,mask:o,state:s,target:c,to:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:f,...p},m){let{basename:h,navigator:g,useTransitions:_}=b.useContext(z),v=typeof l==`string`&&_t.test(l),y=gn(l,h);l=y.to;let x=Pn(l,{relative:r}),S=V(),C=null;if(o){let e=sn(o,[],S.mask?S.mask.pathname:`/`,!0);h!==`/`&&(e.pathname=e.pathname===`/`?h:I([h,e.pathname])),C=g.createHref(e)}let[ee,w,T]=Br(n,p),te=ei(l,{replace:a,mask:o,state:s,target:c,preventScrollReset:u,relative:r,viewTransition:d,defaultShouldRevalidate:f,useTransitions:_});function ne(t){e&&e(t),t.defaultPrevented||te(t)}let re=!(y.isExternal||i),ie=(re?C:void 0)||y.absoluteURL||x;Mt(ie);let ae=b.createElement(`a`,{...p,...T,href:ie,onClick:re?ne:e,ref:Kr(m,w),target:c,"data-discover":!v&&t===`render`?`true`:void 0});return ee&&!v?b.createElement(b.Fragment,null,ae,b.createElement(Hr,{page:x})):ae});Yr.displayName=`Link`;var Xr=b.forwardRef(function({"aria-current":e=`page`,caseSensitive:t=!1,className:n=``,end:r=!1,style:i,to:a,viewTransition:o,children:s,...c},l){let u=Vn(a,{relative:c.relative}),d=V(),f=b.useContext(xn),{navigator:p,basename:m}=b.useContext(z),h=f!=null&&ai(u)&&o===!0,g=p.encodeLocation?p.encodeLocation(u).pathname:u.pathname,_=d.pathname,v=f&&f.navigation&&f.navigation.location?f.navigation.location.pathname:null;t||(_=_.toLowerCase(),v=v?v.toLowerCase():null,g=g.toLowerCase()),v&&m&&(v=F(v,m)||v);let y=g!==`/`&&g.endsWith(`/`)?g.length-1:g.length,x=_===g||!r&&_.startsWith(g)&&_.charAt(y)===`/`,S=v!=null&&(v===g||!r&&v.startsWith(g)&&v.charAt(g.length)===`/`),C={isActive:x,isPending:S,isTransitioning:h},ee=x?e:void 0,w;w=typeof n==`function`?n(C):[n,x?`active`:null,S?`pending`:null,h?`transitioning`:null].filter(Boolean).join(` `);let T=typeof i==`function`?i(C):i;return b.createElement(Yr,{...c,"aria-current":ee,className:w,ref:l,style:T,to:a,viewTransition:o},typeof s==`function`?s(C):s)});Xr.displayName=`NavLink`;var Zr=b.forwardRef(({discover:e=`render`,fetcherKey:t,navigate:n,reloadDocument:r,replace:i,state:a,method:o=fr,action:s,onSubmit:c,relative:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:f,...p},m)=>{let{useTransitions:h}=b.useContext(z),g=ri(),_=ii(s,{relative:l}),v=o.toLowerCase()===`get`?`get`:`post`,y=typeof s==`string`&&_t.test(s);return b.createElement(`form`,{ref:m,method:v,action:_,onSubmit:r?c:e=>{if(c&&c(e),e.defaultPrevented)return;e.preventDefault();let r=e.nativeEvent.submitter,s=r?.getAttribute(`formmethod`)||o,p=()=>g(r||e.currentTarget,{fetcherKey:t,method:s,navigate:n,replace:i,state:a,relative:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:f});h&&n!==!1?b.startTransition(()=>p()):p()},...p,"data-discover":!y&&e===`render`?`true`:void 0})});Zr.displayName=`Form`;function Qr(e){return`${e} must be used within a data router.  See https://reactrouter.com/en/main/routers/picking-a-router.`}function $r(e){let t=b.useContext(R);return j(t,Qr(e)),t}function ei(e,{target:t,replace:n,mask:r,state:i,preventScrollReset:a,relative:o,viewTransition:s,defaultShouldRevalidate:c,useTransitions:l}={}){let u=Rn(),d=V(),f=Vn(e,{relative:o});return b.useCallback(p=>{if(yr(p,t)){p.preventDefault();let t=n===void 0?N(d)===N(f):n,m=()=>u(e,{replace:t,mask:r,state:i,preventScrollReset:a,relative:o,viewTransition:s,defaultShouldRevalidate:c});l?b.startTransition(()=>m()):m()}},[d,u,f,n,r,i,t,e,a,o,s,c,l])}var ti=0,ni=()=>`__${String(++ti)}__`;function ri(){let{router:e}=$r(`useSubmit`),{basename:t}=b.useContext(z),n=nr(),r=e.fetch,i=e.navigate;return b.useCallback(async(e,a={})=>{let{action:o,method:s,encType:c,formData:l,body:u}=wr(e,t);if(a.navigate===!1){let e=a.fetcherKey||ni();await r(e,n,a.action||o,{defaultShouldRevalidate:a.defaultShouldRevalidate,preventScrollReset:a.preventScrollReset,formData:l,body:u,formMethod:a.method||s,formEncType:a.encType||c,flushSync:a.flushSync})}else await i(a.action||o,{defaultShouldRevalidate:a.defaultShouldRevalidate,preventScrollReset:a.preventScrollReset,formData:l,body:u,formMethod:a.method||s,formEncType:a.encType||c,replace:a.replace,state:a.state,fromRouteId:n,flushSync:a.flushSync,viewTransition:a.viewTransition})},[r,i,t,n])}function ii(e,{relative:t}={}){let{basename:n}=b.useContext(z),r=b.useContext(B);j(r,`useFormAction must be used inside a RouteContext`);let[i]=r.matches.slice(-1),a={...Vn(e||`.`,{relative:t})},o=V();if(e==null){a.search=o.search;let e=new URLSearchParams(a.search),t=e.getAll(`index`);if(t.some(e=>e===``)){e.delete(`index`),t.filter(e=>e).forEach(t=>e.append(`index`,t));let n=e.toString();a.search=n?`?${n}`:``}}(!e||e===`.`)&&i.route.index&&(a.search=a.search?a.search.replace(/^\?/,`?index&`):`?index`),n!==`/`&&(a.pathname=a.pathname===`/`?n:I([n,a.pathname]));let s=N(a);return Mt(s),s}function ai(e,{relative:t}={}){let n=b.useContext(wn);j(n!=null,"`useViewTransitionState` must be used within `react-router-dom`'s `RouterProvider`.  Did you accidentally import `RouterProvider` from `react-router`?");let{basename:r}=$r(`useViewTransitionState`),i=Vn(e,{relative:t});if(!n.isTransitioning)return!1;let a=F(n.currentLocation.pathname,r)||n.currentLocation.pathname,o=F(n.nextLocation.pathname,r)||n.nextLocation.pathname;return Zt(i.pathname,o)!=null||Zt(i.pathname,a)!=null}var oi=gt(),H=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},si={"mutation AppRenew { renewToken { token expiresAt account { id displayName } } }":new H(`
    mutation AppRenew {
  renewToken {
    token
    expiresAt
    account {
      id
      displayName
    }
  }
}
    `),"mutation AppLogout { logout }":new H(`
    mutation AppLogout {
  logout
}
    `),"query AppMe { me { account { id displayName loginName } memberships { role districtCode communitySlug } }\n  districts { code name } myOrganisations { organisation { id name } } }":new H(`
    query AppMe {
  me {
    account {
      id
      displayName
      loginName
    }
    memberships {
      role
      districtCode
      communitySlug
    }
  }
  districts {
    code
    name
  }
  myOrganisations {
    organisation {
      id
      name
    }
  }
}
    `),"query JoinInvited($c: String!, $k: String!) {\n  invitedCommunity(community: $c, code: $k) { slug name districtName confirmByStaff } }":new H(`
    query JoinInvited($c: String!, $k: String!) {
  invitedCommunity(community: $c, code: $k) {
    slug
    name
    districtName
    confirmByStaff
  }
}
    `),"mutation JoinSendCode($p: String!) { requestPhoneCode(phone: $p) }":new H(`
    mutation JoinSendCode($p: String!) {
  requestPhoneCode(phone: $p)
}
    `),"mutation JoinSignUp($i: SignUpInput!) { signUp(input: $i) {\n  status login { token expiresAt account { id displayName } } learner { name } } }":new H(`
    mutation JoinSignUp($i: SignUpInput!) {
  signUp(input: $i) {
    status
    login {
      token
      expiresAt
      account {
        id
        displayName
      }
    }
    learner {
      name
    }
  }
}
    `),"mutation JoinJoin($c: String!, $k: String!) { joinCommunity(community: $c, code: $k) { status } }":new H(`
    mutation JoinJoin($c: String!, $k: String!) {
  joinCommunity(community: $c, code: $k) {
    status
  }
}
    `),"mutation SignInLogin($l: String!, $p: String!) {\n  login(loginName: $l, password: $p) { token expiresAt account { id displayName } } }":new H(`
    mutation SignInLogin($l: String!, $p: String!) {
  login(loginName: $l, password: $p) {
    token
    expiresAt
    account {
      id
      displayName
    }
  }
}
    `),"query CommunityFiguresOne($from: Date!, $to: Date!) {\n  community { name }\n  communityDashboard(from: $from, to: $to) {\n    figures { figure family label labelEn value previous }\n    rates { name label labelEn value }\n    householdCoverage { visited households rate }\n    targets { target { id name } met periods } } }":new H(`
    query CommunityFiguresOne($from: Date!, $to: Date!) {
  community {
    name
  }
  communityDashboard(from: $from, to: $to) {
    figures {
      figure
      family
      label
      labelEn
      value
      previous
    }
    rates {
      name
      label
      labelEn
      value
    }
    householdCoverage {
      visited
      households
      rate
    }
    targets {
      target {
        id
        name
      }
      met
      periods
    }
  }
}
    `),"mutation CommunityFiguresExport($from: Date!, $to: Date!, $fmt: ExportFormat!) {\n  exportCommunityFigures(from: $from, to: $to, format: $fmt) { filename url } }":new H(`
    mutation CommunityFiguresExport($from: Date!, $to: Date!, $fmt: ExportFormat!) {
  exportCommunityFigures(from: $from, to: $to, format: $fmt) {
    filename
    url
  }
}
    `),"query DashboardDashboard($c: String!, $from: Date!, $to: Date!, $f: DashboardFilter, $fig: String!, $by: Granularity!) {\n  districtDashboard(districtCode: $c, from: $from, to: $to, filter: $f) {\n    communities { total active onboarded }\n    partnerOrganisations\n    figures { figure family label labelEn value previous }\n    rates { name label labelEn value previous }\n    medianResolutionHours { value previous }\n    cadence { met communityMonths target }\n    series(figure: $fig, by: $by) { start value }\n    ranking(figure: $fig, limit: 500) { rank slug name kind streetCode streetName value }\n  }\n  pilotGroups(districtCode: $c) { name communities }\n  district(code: $c) { communities { slug name status kind } children { code name } }\n}":new H(`
    query DashboardDashboard($c: String!, $from: Date!, $to: Date!, $f: DashboardFilter, $fig: String!, $by: Granularity!) {
  districtDashboard(districtCode: $c, from: $from, to: $to, filter: $f) {
    communities {
      total
      active
      onboarded
    }
    partnerOrganisations
    figures {
      figure
      family
      label
      labelEn
      value
      previous
    }
    rates {
      name
      label
      labelEn
      value
      previous
    }
    medianResolutionHours {
      value
      previous
    }
    cadence {
      met
      communityMonths
      target
    }
    series(figure: $fig, by: $by) {
      start
      value
    }
    ranking(figure: $fig, limit: 500) {
      rank
      slug
      name
      kind
      streetCode
      streetName
      value
    }
  }
  pilotGroups(districtCode: $c) {
    name
    communities
  }
  district(code: $c) {
    communities {
      slug
      name
      status
      kind
    }
    children {
      code
      name
    }
  }
}
    `),"query DashboardPilot($c: String!, $g: String!, $from: Date!, $to: Date!) {\n  pilotComparison(districtCode: $c, pilotGroup: $g, from: $from, to: $to) {\n    pilot { communities { total } figures { figure label labelEn value } }\n    rest { communities { total } figures { figure label labelEn value } } } }":new H(`
    query DashboardPilot($c: String!, $g: String!, $from: Date!, $to: Date!) {
  pilotComparison(districtCode: $c, pilotGroup: $g, from: $from, to: $to) {
    pilot {
      communities {
        total
      }
      figures {
        figure
        label
        labelEn
        value
      }
    }
    rest {
      communities {
        total
      }
      figures {
        figure
        label
        labelEn
        value
      }
    }
  }
}
    `),"mutation DashboardExport($c: String!, $from: Date!, $to: Date!, $f: DashboardFilter, $fmt: ExportFormat!) {\n  exportDistrictFigures(districtCode: $c, from: $from, to: $to, format: $fmt, filter: $f) { filename url } }":new H(`
    mutation DashboardExport($c: String!, $from: Date!, $to: Date!, $f: DashboardFilter, $fmt: ExportFormat!) {
  exportDistrictFigures(
    districtCode: $c
    from: $from
    to: $to
    format: $fmt
    filter: $f
  ) {
    filename
    url
  }
}
    `),"query PartnershipsRequests($c: String!, $s: PartnershipStatus) {\n  districtPartnershipRequests(districtCode: $c, status: $s) {\n    partnership { id status reason requestedAt decidedAt residentRights endedAt endReason }\n    organisation { id name kind contact description } } }":new H(`
    query PartnershipsRequests($c: String!, $s: PartnershipStatus) {
  districtPartnershipRequests(districtCode: $c, status: $s) {
    partnership {
      id
      status
      reason
      requestedAt
      decidedAt
      residentRights
      endedAt
      endReason
    }
    organisation {
      id
      name
      kind
      contact
      description
    }
  }
}
    `),"mutation PartnershipsDecide($id: ID!, $ok: Boolean!, $r: String, $rights: Boolean!) {\n  decidePartnership(id: $id, approve: $ok, reason: $r, residentRights: $rights) { id status } }":new H(`
    mutation PartnershipsDecide($id: ID!, $ok: Boolean!, $r: String, $rights: Boolean!) {
  decidePartnership(id: $id, approve: $ok, reason: $r, residentRights: $rights) {
    id
    status
  }
}
    `),"mutation PartnershipsEnd($id: ID!, $r: String!) { endPartnership(id: $id, reason: $r) { id status } }":new H(`
    mutation PartnershipsEnd($id: ID!, $r: String!) {
  endPartnership(id: $id, reason: $r) {
    id
    status
  }
}
    `),"query PeopleHolders($d: String, $c: String) {\n  roleHolders(districtCode: $d, communitySlug: $c) { role account { id loginName displayName phoneMasked active } } }":new H(`
    query PeopleHolders($d: String, $c: String) {
  roleHolders(districtCode: $d, communitySlug: $c) {
    role
    account {
      id
      loginName
      displayName
      phoneMasked
      active
    }
  }
}
    `),"query PeopleCommunities($c: String!) { district(code: $c) { communities { slug name status } } }":new H(`
    query PeopleCommunities($c: String!) {
  district(code: $c) {
    communities {
      slug
      name
      status
    }
  }
}
    `),"mutation PeopleCreate($i: CreateAccountInput!) { createAccount(input: $i) { id } }":new H(`
    mutation PeopleCreate($i: CreateAccountInput!) {
  createAccount(input: $i) {
    id
  }
}
    `),"query PeopleFind($l: String!) { findAccount(loginName: $l) { id displayName } }":new H(`
    query PeopleFind($l: String!) {
  findAccount(loginName: $l) {
    id
    displayName
  }
}
    `),"mutation PeopleGrant($i: RoleGrantInput!) { grantRole(input: $i) }":new H(`
    mutation PeopleGrant($i: RoleGrantInput!) {
  grantRole(input: $i)
}
    `),"mutation PeopleRevoke($i: RoleGrantInput!) { revokeRole(input: $i) }":new H(`
    mutation PeopleRevoke($i: RoleGrantInput!) {
  revokeRole(input: $i)
}
    `),"mutation PeopleActive($a: ID!, $on: Boolean!) { setAccountActive(accountId: $a, active: $on) { id active } }":new H(`
    mutation PeopleActive($a: ID!, $on: Boolean!) {
  setAccountActive(accountId: $a, active: $on) {
    id
    active
  }
}
    `),"query PilotsGroups($c: String!) { pilotGroups(districtCode: $c) { name communities }\n  district(code: $c) { communities { slug name } } }":new H(`
    query PilotsGroups($c: String!) {
  pilotGroups(districtCode: $c) {
    name
    communities
  }
  district(code: $c) {
    communities {
      slug
      name
    }
  }
}
    `),"mutation PilotsSet($c: String!, $n: String!, $m: [String!]!) { setPilotGroup(districtCode: $c, name: $n, communities: $m) { name communities } }":new H(`
    mutation PilotsSet($c: String!, $n: String!, $m: [String!]!) {
  setPilotGroup(districtCode: $c, name: $n, communities: $m) {
    name
    communities
  }
}
    `),"query PilotsCompare($c: String!, $g: String!, $from: Date!, $to: Date!) {\n  pilotComparison(districtCode: $c, pilotGroup: $g, from: $from, to: $to) {\n    pilot { communities { total } figures { figure label labelEn value } }\n    rest { communities { total } figures { figure label labelEn value } } } }":new H(`
    query PilotsCompare($c: String!, $g: String!, $from: Date!, $to: Date!) {
  pilotComparison(districtCode: $c, pilotGroup: $g, from: $from, to: $to) {
    pilot {
      communities {
        total
      }
      figures {
        figure
        label
        labelEn
        value
      }
    }
    rest {
      communities {
        total
      }
      figures {
        figure
        label
        labelEn
        value
      }
    }
  }
}
    `),"query StructureList($c: String!) { district(code: $c) {\n  communities { slug name kind status households residents createdAt movedTo }\n  children { code name communities { slug } } } }":new H(`
    query StructureList($c: String!) {
  district(code: $c) {
    communities {
      slug
      name
      kind
      status
      households
      residents
      createdAt
      movedTo
    }
    children {
      code
      name
      communities {
        slug
      }
    }
  }
}
    `),"mutation StructureCreateStreet($i: CreateDistrictInput!) { createDistrict(input: $i) { code name } }":new H(`
    mutation StructureCreateStreet($i: CreateDistrictInput!) {
  createDistrict(input: $i) {
    code
    name
  }
}
    `),"mutation StructureArchive($s: String!) { archiveCommunity(slug: $s) { slug status } }":new H(`
    mutation StructureArchive($s: String!) {
  archiveCommunity(slug: $s) {
    slug
    status
  }
}
    `),"mutation StructureOnboard($i: OnboardCommunityInput!) { onboardCommunity(input: $i) { created community { slug name status } } }":new H(`
    mutation StructureOnboard($i: OnboardCommunityInput!) {
  onboardCommunity(input: $i) {
    created
    community {
      slug
      name
      status
    }
  }
}
    `),"mutation StructureSuspend($s: String!) { suspendCommunity(slug: $s) { slug status } }":new H(`
    mutation StructureSuspend($s: String!) {
  suspendCommunity(slug: $s) {
    slug
    status
  }
}
    `),"mutation StructureReactivate($s: String!) { reactivateCommunity(slug: $s) { slug status } }":new H(`
    mutation StructureReactivate($s: String!) {
  reactivateCommunity(slug: $s) {
    slug
    status
  }
}
    `),"query TargetsList($c: String!, $from: Date!, $to: Date!) {\n  districtTargets(districtCode: $c) { id districtCode name figure period minValue }\n  districtDashboard(districtCode: $c, from: $from, to: $to) {\n    figures { figure label labelEn }\n    targets { target { id } met periods } } }":new H(`
    query TargetsList($c: String!, $from: Date!, $to: Date!) {
  districtTargets(districtCode: $c) {
    id
    districtCode
    name
    figure
    period
    minValue
  }
  districtDashboard(districtCode: $c, from: $from, to: $to) {
    figures {
      figure
      label
      labelEn
    }
    targets {
      target {
        id
      }
      met
      periods
    }
  }
}
    `),"query TargetsStreets($c: String!) { district(code: $c) { children { code name } } }":new H(`
    query TargetsStreets($c: String!) {
  district(code: $c) {
    children {
      code
      name
    }
  }
}
    `),"mutation TargetsSet($c: String!, $i: DistrictTargetInput!) { setDistrictTarget(districtCode: $c, input: $i) { id } }":new H(`
    mutation TargetsSet($c: String!, $i: DistrictTargetInput!) {
  setDistrictTarget(districtCode: $c, input: $i) {
    id
  }
}
    `),"mutation TargetsRemove($c: String!, $n: String!) { removeDistrictTarget(districtCode: $c, name: $n) }":new H(`
    mutation TargetsRemove($c: String!, $n: String!) {
  removeDistrictTarget(districtCode: $c, name: $n)
}
    `),'query WallFigures($c: String!, $from: Date!, $to: Date!) {\n  district(code: $c) { name }\n  districtDashboard(districtCode: $c, from: $from, to: $to) {\n    communities { total active }\n    partnerOrganisations\n    figures { figure family label labelEn value previous }\n    rates { name label labelEn value }\n    householdCoverage { households visited rate }\n    ranking(figure: "courses.enrolments", limit: 10) { rank name value } } }':new H(`
    query WallFigures($c: String!, $from: Date!, $to: Date!) {
  district(code: $c) {
    name
  }
  districtDashboard(districtCode: $c, from: $from, to: $to) {
    communities {
      total
      active
    }
    partnerOrganisations
    figures {
      figure
      family
      label
      labelEn
      value
      previous
    }
    rates {
      name
      label
      labelEn
      value
    }
    householdCoverage {
      households
      visited
      rate
    }
    ranking(figure: "courses.enrolments", limit: 10) {
      rank
      name
      value
    }
  }
}
    `),"mutation ActingForRegisterChild($n: String!, $b: Date!) { registerChild(name: $n, birthDate: $b) { id name } }":new H(`
    mutation ActingForRegisterChild($n: String!, $b: Date!) {
  registerChild(name: $n, birthDate: $b) {
    id
    name
  }
}
    `),"query MyBookingsBookings { myBookings { id spaceId startsAt endsAt purpose status } spaces { id name } }":new H(`
    query MyBookingsBookings {
  myBookings {
    id
    spaceId
    startsAt
    endsAt
    purpose
    status
  }
  spaces {
    id
    name
  }
}
    `),"mutation MyBookingsCancel($b: ID!) { cancelBooking(bookingId: $b) { id status } }":new H(`
    mutation MyBookingsCancel($b: ID!) {
  cancelBooking(bookingId: $b) {
    id
    status
  }
}
    `),"query MyCoursesCourses { myEnrolments { id courseId courseTitle learnerId learnerName status waitlistPosition }\n  courses(first: 100) { edges { node { id title audience capacity enrolledCount waitlistCount status\n    sessions { id startsAt place status } } } } }":new H(`
    query MyCoursesCourses {
  myEnrolments {
    id
    courseId
    courseTitle
    learnerId
    learnerName
    status
    waitlistPosition
  }
  courses(first: 100) {
    edges {
      node {
        id
        title
        audience
        capacity
        enrolledCount
        waitlistCount
        status
        sessions {
          id
          startsAt
          place
          status
        }
      }
    }
  }
}
    `),"mutation MyCoursesEnrol($c: ID!, $l: ID) { enrol(courseId: $c, learnerId: $l) { id status waitlistPosition } }":new H(`
    mutation MyCoursesEnrol($c: ID!, $l: ID) {
  enrol(courseId: $c, learnerId: $l) {
    id
    status
    waitlistPosition
  }
}
    `),"mutation MyCoursesCancel($e: ID!) { cancelEnrolment(enrolmentId: $e) }":new H(`
    mutation MyCoursesCancel($e: ID!) {
  cancelEnrolment(enrolmentId: $e)
}
    `),"query MyDemandsDemands { demands { id title status resolution } }":new H(`
    query MyDemandsDemands {
  demands {
    id
    title
    status
    resolution
  }
}
    `),"mutation MyDemandsSubmit($i: DemandInputGql!) { submitDemand(input: $i) { id } }":new H(`
    mutation MyDemandsSubmit($i: DemandInputGql!) {
  submitDemand(input: $i) {
    id
  }
}
    `),"mutation MyDemandsAnswer($d: ID!, $a: Boolean!, $r: String) { answerDemand(demandId: $d, agree: $a, reason: $r) { id status } }":new H(`
    mutation MyDemandsAnswer($d: ID!, $a: Boolean!, $r: String) {
  answerDemand(demandId: $d, agree: $a, reason: $r) {
    id
    status
  }
}
    `),"query MyPointsPoints { myPoints { balance } rewards { id name price stock active } }":new H(`
    query MyPointsPoints {
  myPoints {
    balance
  }
  rewards {
    id
    name
    price
    stock
    active
  }
}
    `),"mutation MyPointsRedeem($k: String!, $r: ID!) { redeemReward(key: $k, rewardId: $r) { id points } }":new H(`
    mutation MyPointsRedeem($k: String!, $r: ID!) {
  redeemReward(key: $k, rewardId: $r) {
    id
    points
  }
}
    `),"query MySurveysSurveys { surveys(first: 50) { nodes { id title open\n  questions { id kind prompt options } myAnswers } } }":new H(`
    query MySurveysSurveys {
  surveys(first: 50) {
    nodes {
      id
      title
      open
      questions {
        id
        kind
        prompt
        options
      }
      myAnswers
    }
  }
}
    `),"mutation MySurveysAnswer($s: ID!, $a: [AnswerInputGql!]!, $c: SurveyChannel!) {\n  answerSurvey(surveyId: $s, answers: $a, channel: $c) }":new H(`
    mutation MySurveysAnswer($s: ID!, $a: [AnswerInputGql!]!, $c: SurveyChannel!) {
  answerSurvey(surveyId: $s, answers: $a, channel: $c)
}
    `),"query AccountsAccounts($k: PointsAccountKind) { pointsAccounts(kind: $k) { id kind name balance }\n  ledgerCheck { issued burned held } }":new H(`
    query AccountsAccounts($k: PointsAccountKind) {
  pointsAccounts(kind: $k) {
    id
    kind
    name
    balance
  }
  ledgerCheck {
    issued
    burned
    held
  }
}
    `),"query BookingsSpaces($m: String!) { spaces { id name kind capacity needsApproval pointsPerHour }\n  spaceUsage(month: $m) { space { id } utilisation openHours noShows } }":new H(`
    query BookingsSpaces($m: String!) {
  spaces {
    id
    name
    kind
    capacity
    needsApproval
    pointsPerHour
  }
  spaceUsage(month: $m) {
    space {
      id
    }
    utilisation
    openHours
    noShows
  }
}
    `),"query BookingsRequests { bookingRequests { id spaceId startsAt endsAt purpose attendance teamName pointsPrice } }":new H(`
    query BookingsRequests {
  bookingRequests {
    id
    spaceId
    startsAt
    endsAt
    purpose
    attendance
    teamName
    pointsPrice
  }
}
    `),"mutation BookingsDecide($b: ID!, $a: Boolean!) { decideBooking(bookingId: $b, approve: $a) { id status } }":new H(`
    mutation BookingsDecide($b: ID!, $a: Boolean!) {
  decideBooking(bookingId: $b, approve: $a) {
    id
    status
  }
}
    `),"query BookingsCalendar($s: ID!, $from: Date!) { spaceCalendar(spaceId: $s, from: $from, days: 7) { startsAt endsAt courseSession } }":new H(`
    query BookingsCalendar($s: ID!, $from: Date!) {
  spaceCalendar(spaceId: $s, from: $from, days: 7) {
    startsAt
    endsAt
    courseSession
  }
}
    `),"mutation CheckInCodeCode($s: ID!) { sessionCheckInCode(sessionId: $s) { token svg refreshAt } }":new H(`
    mutation CheckInCodeCode($s: ID!) {
  sessionCheckInCode(sessionId: $s) {
    token
    svg
    refreshAt
  }
}
    `),"query CoursesCourses { courseCategories { code name }\n  courses(first: 100) { edges { node { id title category audience format capacity enrolledCount waitlistCount\n    status publicBenefit sessions { id startsAt endsAt place status } } } } }":new H(`
    query CoursesCourses {
  courseCategories {
    code
    name
  }
  courses(first: 100) {
    edges {
      node {
        id
        title
        category
        audience
        format
        capacity
        enrolledCount
        waitlistCount
        status
        publicBenefit
        sessions {
          id
          startsAt
          endsAt
          place
          status
        }
      }
    }
  }
}
    `),"mutation CoursesCreate($i: CreateCourseInput!) { createCourse(input: $i) { id title } }":new H(`
    mutation CoursesCreate($i: CreateCourseInput!) {
  createCourse(input: $i) {
    id
    title
  }
}
    `),"mutation CoursesSetOpen($id: ID!, $open: Boolean!) { setCourseOpen(courseId: $id, open: $open) { id status } }":new H(`
    mutation CoursesSetOpen($id: ID!, $open: Boolean!) {
  setCourseOpen(courseId: $id, open: $open) {
    id
    status
  }
}
    `),"mutation CoursesAddSessions($i: AddSessionsInput!) { addSessions(input: $i) { id } }":new H(`
    mutation CoursesAddSessions($i: AddSessionsInput!) {
  addSessions(input: $i) {
    id
  }
}
    `),"query DemandsDemands($s: DemandStatus) { demands(all: true, status: $s) { id title detail category residentName status teamName resolution submittedAt }\n  demandStats { total resolved }\n  communityPartners { teams { id name } } courtyards { id name } }":new H(`
    query DemandsDemands($s: DemandStatus) {
  demands(all: true, status: $s) {
    id
    title
    detail
    category
    residentName
    status
    teamName
    resolution
    submittedAt
  }
  demandStats {
    total
    resolved
  }
  communityPartners {
    teams {
      id
      name
    }
  }
  courtyards {
    id
    name
  }
}
    `),"mutation DemandsRoute($d: ID!, $g: ID, $t: ID) { routeDemand(demandId: $d, gridId: $g, teamId: $t) { id status } }":new H(`
    mutation DemandsRoute($d: ID!, $g: ID, $t: ID) {
  routeDemand(demandId: $d, gridId: $g, teamId: $t) {
    id
    status
  }
}
    `),"mutation DemandsResolve($d: ID!, $r: String!) { resolveDemand(demandId: $d, resolution: $r) { id status } }":new H(`
    mutation DemandsResolve($d: ID!, $r: String!) {
  resolveDemand(demandId: $d, resolution: $r) {
    id
    status
  }
}
    `),"query ExhibitionsExhibitions { exhibitions(first: 50) { edges { node { id title kind startsOn endsOn published\n  works { id title author minor consentRecorded photos { id thumbUrl url } } } } } }":new H(`
    query ExhibitionsExhibitions {
  exhibitions(first: 50) {
    edges {
      node {
        id
        title
        kind
        startsOn
        endsOn
        published
        works {
          id
          title
          author
          minor
          consentRecorded
          photos {
            id
            thumbUrl
            url
          }
        }
      }
    }
  }
}
    `),"mutation ExhibitionsPublish($id: ID!) { publishExhibition(exhibitionId: $id) }":new H(`
    mutation ExhibitionsPublish($id: ID!) {
  publishExhibition(exhibitionId: $id)
}
    `),"mutation ExhibitionsCreate($t: String!, $k: ExhibitionKind!, $s: Date!, $e: Date!) {\n  createExhibition(title: $t, kind: $k, startsOn: $s, endsOn: $e) { id } }":new H(`
    mutation ExhibitionsCreate($t: String!, $k: ExhibitionKind!, $s: Date!, $e: Date!) {
  createExhibition(title: $t, kind: $k, startsOn: $s, endsOn: $e) {
    id
  }
}
    `),"mutation ExhibitionsAddWork($x: ID!, $l: ID!, $t: String!) { addWork(exhibitionId: $x, learnerId: $l, title: $t) { id } }":new H(`
    mutation ExhibitionsAddWork($x: ID!, $l: ID!, $t: String!) {
  addWork(exhibitionId: $x, learnerId: $l, title: $t) {
    id
  }
}
    `),"query ExhibitionsFind($n: String!) { residents(name: $n, first: 20) { edges { node { id name age } } } }":new H(`
    query ExhibitionsFind($n: String!) {
  residents(name: $n, first: 20) {
    edges {
      node {
        id
        name
        age
      }
    }
  }
}
    `),"mutation ExhibitionsUpload($w: ID!, $file: Upload!) { uploadWorkPhoto(workId: $w, file: $file) { id } }":new H(`
    mutation ExhibitionsUpload($w: ID!, $file: Upload!) {
  uploadWorkPhoto(workId: $w, file: $file) {
    id
  }
}
    `),"query HoursPending { pendingVolunteerHours { id volunteerId postId servedOn minutes recordedAs }\n  volunteers { id name } volunteerPosts { id title pointsPerHour } }":new H(`
    query HoursPending {
  pendingVolunteerHours {
    id
    volunteerId
    postId
    servedOn
    minutes
    recordedAs
  }
  volunteers {
    id
    name
  }
  volunteerPosts {
    id
    title
    pointsPerHour
  }
}
    `),"mutation HoursVerify($ids: [ID!]!) { verifyVolunteerHours(hoursIds: $ids) { id points } }":new H(`
    mutation HoursVerify($ids: [ID!]!) {
  verifyVolunteerHours(hoursIds: $ids) {
    id
    points
  }
}
    `),"mutation HoursDecline($id: ID!, $r: String!) { declineVolunteerHours(hoursId: $id, reason: $r) { id } }":new H(`
    mutation HoursDecline($id: ID!, $r: String!) {
  declineVolunteerHours(hoursId: $id, reason: $r) {
    id
  }
}
    `),"query PartnersPartners { partnershipRequests(status: REQUESTED) { partnership { id requestedAt } organisation { name kind contact description } }\n  communityPartners { organisation { id name kind contact } teams { id name skills } } }":new H(`
    query PartnersPartners {
  partnershipRequests(status: REQUESTED) {
    partnership {
      id
      requestedAt
    }
    organisation {
      name
      kind
      contact
      description
    }
  }
  communityPartners {
    organisation {
      id
      name
      kind
      contact
    }
    teams {
      id
      name
      skills
    }
  }
}
    `),"mutation PartnersDecide($id: ID!, $a: Boolean!, $r: String) { decidePartnership(id: $id, approve: $a, reason: $r) { id status } }":new H(`
    mutation PartnersDecide($id: ID!, $a: Boolean!, $r: String) {
  decidePartnership(id: $id, approve: $a, reason: $r) {
    id
    status
  }
}
    `),"query RosterRoster($c: ID!) { courseRoster(courseId: $c) { id learnerId learnerName status waitlistPosition }\n  courseAttendance(courseId: $c) { rate } }":new H(`
    query RosterRoster($c: ID!) {
  courseRoster(courseId: $c) {
    id
    learnerId
    learnerName
    status
    waitlistPosition
  }
  courseAttendance(courseId: $c) {
    rate
  }
}
    `),"mutation RosterMark($s: ID!, $l: ID!, $p: Boolean!) { markAttendance(sessionId: $s, learnerId: $l, present: $p) }":new H(`
    mutation RosterMark($s: ID!, $l: ID!, $p: Boolean!) {
  markAttendance(sessionId: $s, learnerId: $l, present: $p)
}
    `),"mutation RosterPrint($s: ID!) { printSignInSheet(sessionId: $s) { url filename } }":new H(`
    mutation RosterPrint($s: ID!) {
  printSignInSheet(sessionId: $s) {
    url
    filename
  }
}
    `),"query SurveysSurveys { surveys(first: 50) { edges { node { id title threshold open responseCount\n  questions { id kind prompt options tallies thresholdReached } } } } }":new H(`
    query SurveysSurveys {
  surveys(first: 50) {
    edges {
      node {
        id
        title
        threshold
        open
        responseCount
        questions {
          id
          kind
          prompt
          options
          tallies
          thresholdReached
        }
      }
    }
  }
}
    `),"mutation SurveysCreate($i: CreateSurveyInput!) { createSurvey(input: $i) }":new H(`
    mutation SurveysCreate($i: CreateSurveyInput!) {
  createSurvey(input: $i)
}
    `),"mutation SurveysClose($id: ID!) { closeSurvey(surveyId: $id) }":new H(`
    mutation SurveysClose($id: ID!) {
  closeSurvey(surveyId: $id)
}
    `),"query GridMine { community { name } myGrids courtyards { id name } }":new H(`
    query GridMine {
  community {
    name
  }
  myGrids
  courtyards {
    id
    name
  }
}
    `),"query PartnerMine { myOrganisations { myRole\n  organisation { id name kind description contact }\n  members { accountId displayName role }\n  teams { id name skills }\n  partnerships { id status districtId communityId requestedAt decidedAt reason endedAt endReason } } }":new H(`
    query PartnerMine {
  myOrganisations {
    myRole
    organisation {
      id
      name
      kind
      description
      contact
    }
    members {
      accountId
      displayName
      role
    }
    teams {
      id
      name
      skills
    }
    partnerships {
      id
      status
      districtId
      communityId
      requestedAt
      decidedAt
      reason
      endedAt
      endReason
    }
  }
}
    `),"query ResidentLearners { myLearners { id name inCare } community { name } }":new H(`
    query ResidentLearners {
  myLearners {
    id
    name
    inCare
  }
  community {
    name
  }
}
    `),"query StaffCommunity { community { name } }":new H(`
    query StaffCommunity {
  community {
    name
  }
}
    `)};function ci(e){return si[e]??{}}var li=class e extends Error{response;request;constructor(t,n){let r=`${e.extractMessage(t)}: ${JSON.stringify({response:t,request:n})}`;super(r),Object.setPrototypeOf(this,e.prototype),this.response=t,this.request=n,typeof Error.captureStackTrace==`function`&&Error.captureStackTrace(this,e)}static extractMessage(e){return e.errors?.[0]?.message??`GraphQL Error (Code: ${String(e.status)})`}},ui=e=>e.toUpperCase(),di=e=>typeof e==`function`?e():e,fi=(e,t)=>e.map((e,n)=>[e,t[n]]),U=e=>{let t={};return e instanceof Headers?t=pi(e):Array.isArray(e)?e.forEach(([e,n])=>{e&&n!==void 0&&(t[e]=n)}):e&&(t=e),t},pi=e=>{let t={};return e.forEach((e,n)=>{t[n]=e}),t},mi=e=>{try{let t=e();return gi(t)?t.catch(e=>hi(e)):t}catch(e){return hi(e)}},hi=e=>e instanceof Error?e:Error(String(e)),gi=e=>typeof e==`object`&&!!e&&`then`in e&&typeof e.then==`function`&&`catch`in e&&typeof e.catch==`function`&&`finally`in e&&typeof e.finally==`function`,_i=e=>{throw Error(`Unhandled case: ${String(e)}`)},vi=e=>typeof e==`object`&&!!e&&!Array.isArray(e),yi=(e,t)=>e.documents?e:{documents:e,requestHeaders:t,signal:void 0},bi=(e,t,n)=>e.query?e:{query:e,variables:t,requestHeaders:n,signal:void 0};function xi(e,t){if(!e)throw Error(t)}function Si(e){return typeof e==`object`&&!!e}function Ci(e,t){let n=/\r\n|[\n\r]/g,r=1,i=t+1,a;for(;(a=n.exec(e.body))&&a.index<t;)r++,i=t+1-(a.index+a[0].length);return{line:r,column:i}}function wi(e){if(e.length<2)return e.map(({source:e,start:t})=>Ci(e,t));let t=new Map;e.forEach(({source:e,start:n},r)=>{let i=t.get(e);i===void 0&&(i=[],t.set(e,i)),i.push({position:n,index:r})});let n=Array(e.length);for(let[e,r]of t){let t=/\r\n|[\n\r]/g,i=t.exec(e.body),a=1,o=0;r.sort((e,t)=>e.position-t.position);for(let{position:s,index:c}of r){for(;i!==null&&i.index<s;)o=i.index+i[0].length,a++,i=t.exec(e.body);n[c]={line:a,column:s+1-o}}}return n}function Ti(e){return Ei(e.source,Ci(e.source,e.start))}function Ei(e,t){let n=e.locationOffset.column-1,r=``.padStart(n)+e.body,i=t.line-1,a=e.locationOffset.line-1,o=t.line+a,s=t.line===1?n:0,c=t.column+s,l=`${e.name}:${o}:${c}\n`,u=r.split(/\r\n|[\n\r]/g),d=u[i];if(d.length>120){let e=Math.floor(c/80),t=c%80,n=[];for(let e=0;e<d.length;e+=80)n.push(d.slice(e,e+80));return l+Di([[`${o} |`,n[0]],...n.slice(1,e+1).map(e=>[`|`,e]),[`|`,`^`.padStart(t)],[`|`,n[e+1]]])}return l+Di([[`${o-1} |`,u[i-1]],[`${o} |`,d],[`|`,`^`.padStart(c)],[`${o+1} |`,u[i+1]]])}function Di(e){let t=e.filter(([e,t])=>t!==void 0),n=Math.max(...t.map(([e])=>e.length));return t.map(([e,t])=>e.padStart(n)+(t?` `+t:``)).join(`
`)}function Oi(e){let t=e[0];return t==null||`kind`in t||`length`in t?{nodes:t,source:e[1],positions:e[2],path:e[3],originalError:e[4],extensions:e[5]}:t}var ki=class e extends Error{constructor(t,...n){let{nodes:r,source:i,positions:a,path:o,originalError:s,extensions:c}=Oi(n);super(t),this.name=`GraphQLError`,this.path=o??void 0,this.originalError=s??void 0,this.nodes=Ai(Array.isArray(r)?r:r?[r]:void 0);let l=Ai(this.nodes?.map(e=>e.loc).filter(e=>e!=null));this.source=i??l?.[0]?.source,this.positions=a??l?.map(e=>e.start),this.locations=a&&i?wi(a.map(e=>({source:i,start:e}))):l&&wi(l);let u=Si(s?.extensions)?s?.extensions:void 0;this.extensions=c??u??Object.create(null),Object.defineProperties(this,{message:{writable:!0,enumerable:!0},name:{enumerable:!1},nodes:{enumerable:!1},source:{enumerable:!1},positions:{enumerable:!1},originalError:{enumerable:!1}}),s!=null&&s.stack?Object.defineProperty(this,"stack",{value:s.stack,writable:!0,configurable:!0}):Error.captureStackTrace?Error.captureStackTrace(this,e):Object.defineProperty(this,"stack",{value:Error().stack,writable:!0,configurable:!0})}get[Symbol.toStringTag](){return`GraphQLError`}toString(){let e=this.message;if(this.nodes)for(let t of this.nodes)t.loc&&(e+=`

`+Ti(t.loc));else if(this.source&&this.locations)for(let t of this.locations)e+=`

`+Ei(this.source,t);return e}toJSON(){let e={message:this.message};return this.locations!=null&&(e.locations=this.locations),this.path!=null&&(e.path=this.path),this.extensions!=null&&Object.keys(this.extensions).length>0&&(e.extensions=this.extensions),e}};function Ai(e){return e===void 0||e.length===0?void 0:e}function W(e,t,n){return new ki(`Syntax Error: ${n}`,{source:e,positions:[t]})}var ji=class{constructor(e,t,n){this.start=e.start,this.end=t.end,this.startToken=e,this.endToken=t,this.source=n}get[Symbol.toStringTag](){return`Location`}toJSON(){return{start:this.start,end:this.end}}},Mi=class{constructor(e,t,n,r,i,a){this.kind=e,this.start=t,this.end=n,this.line=r,this.column=i,this.value=a,this.prev=null,this.next=null}get[Symbol.toStringTag](){return`Token`}toJSON(){return{kind:this.kind,value:this.value,line:this.line,column:this.column}}},Ni={Name:[],Document:[`definitions`],OperationDefinition:[`description`,`name`,`variableDefinitions`,`directives`,`selectionSet`],VariableDefinition:[`description`,`variable`,`type`,`defaultValue`,`directives`],Variable:[`name`],SelectionSet:[`selections`],Field:[`alias`,`name`,`arguments`,`directives`,`selectionSet`],Argument:[`name`,`value`],FragmentSpread:[`name`,`directives`],InlineFragment:[`typeCondition`,`directives`,`selectionSet`],FragmentDefinition:[`description`,`name`,`variableDefinitions`,`typeCondition`,`directives`,`selectionSet`],IntValue:[],FloatValue:[],StringValue:[],BooleanValue:[],NullValue:[],EnumValue:[],ListValue:[`values`],ObjectValue:[`fields`],ObjectField:[`name`,`value`],Directive:[`name`,`arguments`],NamedType:[`name`],ListType:[`type`],NonNullType:[`type`],SchemaDefinition:[`description`,`directives`,`operationTypes`],OperationTypeDefinition:[`type`],ScalarTypeDefinition:[`description`,`name`,`directives`],ObjectTypeDefinition:[`description`,`name`,`interfaces`,`directives`,`fields`],FieldDefinition:[`description`,`name`,`arguments`,`type`,`directives`],InputValueDefinition:[`description`,`name`,`type`,`defaultValue`,`directives`],InterfaceTypeDefinition:[`description`,`name`,`interfaces`,`directives`,`fields`],UnionTypeDefinition:[`description`,`name`,`directives`,`types`],EnumTypeDefinition:[`description`,`name`,`directives`,`values`],EnumValueDefinition:[`description`,`name`,`directives`],InputObjectTypeDefinition:[`description`,`name`,`directives`,`fields`],DirectiveDefinition:[`description`,`name`,`arguments`,`directives`,`locations`],SchemaExtension:[`directives`,`operationTypes`],DirectiveExtension:[`name`,`directives`],ScalarTypeExtension:[`name`,`directives`],ObjectTypeExtension:[`name`,`interfaces`,`directives`,`fields`],InterfaceTypeExtension:[`name`,`interfaces`,`directives`,`fields`],UnionTypeExtension:[`name`,`directives`,`types`],EnumTypeExtension:[`name`,`directives`,`values`],InputObjectTypeExtension:[`name`,`directives`,`fields`],TypeCoordinate:[`name`],MemberCoordinate:[`name`,`memberName`],ArgumentCoordinate:[`name`,`fieldName`,`argumentName`],DirectiveCoordinate:[`name`],DirectiveArgumentCoordinate:[`name`,`argumentName`]};new Set(Object.keys(Ni));var Pi;(function(e){e.QUERY=`query`,e.MUTATION=`mutation`,e.SUBSCRIPTION=`subscription`})(Pi||={});var Fi;(function(e){e.QUERY=`QUERY`,e.MUTATION=`MUTATION`,e.SUBSCRIPTION=`SUBSCRIPTION`,e.FIELD=`FIELD`,e.FRAGMENT_DEFINITION=`FRAGMENT_DEFINITION`,e.FRAGMENT_SPREAD=`FRAGMENT_SPREAD`,e.INLINE_FRAGMENT=`INLINE_FRAGMENT`,e.VARIABLE_DEFINITION=`VARIABLE_DEFINITION`,e.SCHEMA=`SCHEMA`,e.SCALAR=`SCALAR`,e.OBJECT=`OBJECT`,e.FIELD_DEFINITION=`FIELD_DEFINITION`,e.ARGUMENT_DEFINITION=`ARGUMENT_DEFINITION`,e.INTERFACE=`INTERFACE`,e.UNION=`UNION`,e.ENUM=`ENUM`,e.ENUM_VALUE=`ENUM_VALUE`,e.INPUT_OBJECT=`INPUT_OBJECT`,e.INPUT_FIELD_DEFINITION=`INPUT_FIELD_DEFINITION`,e.DIRECTIVE_DEFINITION=`DIRECTIVE_DEFINITION`})(Fi||={});var G;(function(e){e.NAME=`Name`,e.DOCUMENT=`Document`,e.OPERATION_DEFINITION=`OperationDefinition`,e.VARIABLE_DEFINITION=`VariableDefinition`,e.SELECTION_SET=`SelectionSet`,e.FIELD=`Field`,e.ARGUMENT=`Argument`,e.FRAGMENT_SPREAD=`FragmentSpread`,e.INLINE_FRAGMENT=`InlineFragment`,e.FRAGMENT_DEFINITION=`FragmentDefinition`,e.VARIABLE=`Variable`,e.INT=`IntValue`,e.FLOAT=`FloatValue`,e.STRING=`StringValue`,e.BOOLEAN=`BooleanValue`,e.NULL=`NullValue`,e.ENUM=`EnumValue`,e.LIST=`ListValue`,e.OBJECT=`ObjectValue`,e.OBJECT_FIELD=`ObjectField`,e.DIRECTIVE=`Directive`,e.NAMED_TYPE=`NamedType`,e.LIST_TYPE=`ListType`,e.NON_NULL_TYPE=`NonNullType`,e.SCHEMA_DEFINITION=`SchemaDefinition`,e.OPERATION_TYPE_DEFINITION=`OperationTypeDefinition`,e.SCALAR_TYPE_DEFINITION=`ScalarTypeDefinition`,e.OBJECT_TYPE_DEFINITION=`ObjectTypeDefinition`,e.FIELD_DEFINITION=`FieldDefinition`,e.INPUT_VALUE_DEFINITION=`InputValueDefinition`,e.INTERFACE_TYPE_DEFINITION=`InterfaceTypeDefinition`,e.UNION_TYPE_DEFINITION=`UnionTypeDefinition`,e.ENUM_TYPE_DEFINITION=`EnumTypeDefinition`,e.ENUM_VALUE_DEFINITION=`EnumValueDefinition`,e.INPUT_OBJECT_TYPE_DEFINITION=`InputObjectTypeDefinition`,e.DIRECTIVE_DEFINITION=`DirectiveDefinition`,e.SCHEMA_EXTENSION=`SchemaExtension`,e.DIRECTIVE_EXTENSION=`DirectiveExtension`,e.SCALAR_TYPE_EXTENSION=`ScalarTypeExtension`,e.OBJECT_TYPE_EXTENSION=`ObjectTypeExtension`,e.INTERFACE_TYPE_EXTENSION=`InterfaceTypeExtension`,e.UNION_TYPE_EXTENSION=`UnionTypeExtension`,e.ENUM_TYPE_EXTENSION=`EnumTypeExtension`,e.INPUT_OBJECT_TYPE_EXTENSION=`InputObjectTypeExtension`,e.TYPE_COORDINATE=`TypeCoordinate`,e.MEMBER_COORDINATE=`MemberCoordinate`,e.ARGUMENT_COORDINATE=`ArgumentCoordinate`,e.DIRECTIVE_COORDINATE=`DirectiveCoordinate`,e.DIRECTIVE_ARGUMENT_COORDINATE=`DirectiveArgumentCoordinate`})(G||={});function Ii(e){return e===9||e===32}function Li(e){return e>=48&&e<=57}function Ri(e){return e>=97&&e<=122||e>=65&&e<=90}function zi(e){return Ri(e)||e===95}function Bi(e){return Ri(e)||Li(e)||e===95}function Vi(e){let t=2**53-1,n=null,r=-1;for(let i=0;i<e.length;++i){let a=e[i],o=Hi(a);o!==a.length&&(n??=i,r=i,i!==0&&o<t&&(t=o))}return e.map((e,n)=>n===0?e:e.slice(t)).slice(n??0,r+1)}function Hi(e){let t=0;for(;t<e.length&&Ii(e.charCodeAt(t));)++t;return t}function Ui(e,t){let n=e.replace(/"""/g,`\\"""`),r=n.split(/\r\n|[\n\r]/g),i=r.length===1,a=r.length>1&&r.slice(1).every(e=>e.length===0||Ii(e.charCodeAt(0))),o=n.endsWith(`\\"""`),s=e.endsWith(`"`)&&!o,c=e.endsWith(`\\`),l=s||c,u=!(t!=null&&t.minimize)&&(!i||e.length>70||l||a||o),d=``,f=i&&Ii(e.charCodeAt(0));return(u&&!f||a)&&(d+=`
`),d+=n,(u||l)&&(d+=`
`),`"""`+d+`"""`}var K;(function(e){e.SOF=`<SOF>`,e.EOF=`<EOF>`,e.BANG=`!`,e.DOLLAR=`$`,e.AMP=`&`,e.PAREN_L=`(`,e.PAREN_R=`)`,e.DOT=`.`,e.SPREAD=`...`,e.COLON=`:`,e.EQUALS=`=`,e.AT=`@`,e.BRACKET_L=`[`,e.BRACKET_R=`]`,e.BRACE_L=`{`,e.PIPE=`|`,e.BRACE_R=`}`,e.NAME=`Name`,e.INT=`Int`,e.FLOAT=`Float`,e.STRING=`String`,e.BLOCK_STRING=`BlockString`,e.COMMENT=`Comment`})(K||={});var Wi=class{constructor(e){let t=new Mi(K.SOF,0,0,0,0);this.source=e,this.lastToken=t,this.token=t,this.line=1,this.lineStart=0,this._maxComments=void 0,this._commentCount=0}get[Symbol.toStringTag](){return`Lexer`}advance(){return this.lastToken=this.token,this.token=this.lookahead()}lookahead(){let e=this.token;if(e.kind!==K.EOF)do if(e.next)e=e.next;else{let t=Yi(this,e.end);e.next=t,t.prev=e,e=t}while(e.kind===K.COMMENT);return e}};function Gi(e){return e===K.BANG||e===K.DOLLAR||e===K.AMP||e===K.PAREN_L||e===K.PAREN_R||e===K.DOT||e===K.SPREAD||e===K.COLON||e===K.EQUALS||e===K.AT||e===K.BRACKET_L||e===K.BRACKET_R||e===K.BRACE_L||e===K.PIPE||e===K.BRACE_R}function q(e){return e>=0&&e<=55295||e>=57344&&e<=1114111}function Ki(e,t){return qi(e.charCodeAt(t))&&Ji(e.charCodeAt(t+1))}function qi(e){return e>=55296&&e<=56319}function Ji(e){return e>=56320&&e<=57343}function J(e,t){let n=e.source.body.codePointAt(t);if(n===void 0)return K.EOF;if(n>=32&&n<=126){let e=String.fromCodePoint(n);return e===`"`?`'"'`:`"${e}"`}return`U+`+n.toString(16).toUpperCase().padStart(4,`0`)}function Y(e,t,n,r,i){return new Mi(t,n,r,e.line,1+n-e.lineStart,i)}function Yi(e,t){let n=e.source.body,r=n.length,i=t;for(;i<r;){let t=n.charCodeAt(i);switch(t){case 65279:case 9:case 32:case 44:++i;continue;case 10:++i,++e.line,e.lineStart=i;continue;case 13:n.charCodeAt(i+1)===10?i+=2:++i,++e.line,e.lineStart=i;continue;case 35:return Xi(e,i);case 33:return Y(e,K.BANG,i,i+1);case 36:return Y(e,K.DOLLAR,i,i+1);case 38:return Y(e,K.AMP,i,i+1);case 40:return Y(e,K.PAREN_L,i,i+1);case 41:return Y(e,K.PAREN_R,i,i+1);case 46:if(n.charCodeAt(i+1)===46&&n.charCodeAt(i+2)===46)return Y(e,K.SPREAD,i,i+3);break;case 58:return Y(e,K.COLON,i,i+1);case 61:return Y(e,K.EQUALS,i,i+1);case 64:return Y(e,K.AT,i,i+1);case 91:return Y(e,K.BRACKET_L,i,i+1);case 93:return Y(e,K.BRACKET_R,i,i+1);case 123:return Y(e,K.BRACE_L,i,i+1);case 124:return Y(e,K.PIPE,i,i+1);case 125:return Y(e,K.BRACE_R,i,i+1);case 34:return n.charCodeAt(i+1)===34&&n.charCodeAt(i+2)===34?aa(e,i):$i(e,i)}if(Li(t)||t===45)return Zi(e,i,t);if(zi(t))return oa(e,i);throw W(e.source,i,t===39?`Unexpected single quote character ('), did you mean to use a double quote (")?`:q(t)||Ki(n,i)?`Unexpected character: ${J(e,i)}.`:`Invalid character: ${J(e,i)}.`)}return Y(e,K.EOF,r,r)}function Xi(e,t){let n=e._maxComments;if(n!==void 0){let r=e._commentCount+1;if(r>n)throw W(e.source,t,`Document contains more than ${n} comments. Parsing aborted.`);e._commentCount=r}let r=e.source.body,i=r.length,a=t+1;for(;a<i;){let e=r.charCodeAt(a);if(e===10||e===13)break;if(q(e))++a;else if(Ki(r,a))a+=2;else break}return Y(e,K.COMMENT,t,a,r.slice(t+1,a))}function Zi(e,t,n){let r=e.source.body,i=t,a=n,o=!1;if(a===45&&(a=r.charCodeAt(++i)),a===48){if(a=r.charCodeAt(++i),Li(a))throw W(e.source,i,`Invalid number, unexpected digit after 0: ${J(e,i)}.`)}else i=Qi(e,i,a),a=r.charCodeAt(i);if(a===46&&(o=!0,a=r.charCodeAt(++i),i=Qi(e,i,a),a=r.charCodeAt(i)),(a===69||a===101)&&(o=!0,a=r.charCodeAt(++i),(a===43||a===45)&&(a=r.charCodeAt(++i)),i=Qi(e,i,a),a=r.charCodeAt(i)),a===46||zi(a))throw W(e.source,i,`Invalid number, expected digit but got: ${J(e,i)}.`);return Y(e,o?K.FLOAT:K.INT,t,i,r.slice(t,i))}function Qi(e,t,n){if(!Li(n))throw W(e.source,t,`Invalid number, expected digit but got: ${J(e,t)}.`);let r=e.source.body,i=t+1;for(;Li(r.charCodeAt(i));)++i;return i}function $i(e,t){let n=e.source.body,r=n.length,i=t+1,a=i,o=``;for(;i<r;){let r=n.charCodeAt(i);if(r===34)return o+=n.slice(a,i),Y(e,K.STRING,t,i+1,o);if(r===92){o+=n.slice(a,i);let t=n.charCodeAt(i+1)===117?n.charCodeAt(i+2)===123?ea(e,i):ta(e,i):ia(e,i);o+=t.value,i+=t.size,a=i}else{if(r===10||r===13)break;if(q(r))++i;else if(Ki(n,i))i+=2;else throw W(e.source,i,`Invalid character within String: ${J(e,i)}.`)}}throw W(e.source,i,`Unterminated string.`)}function ea(e,t){let n=e.source.body,r=0,i=3;for(;i<12;){let e=n.charCodeAt(t+i++);if(e===125){if(i<5||!q(r))break;return{value:String.fromCodePoint(r),size:i}}if(r=r<<4|ra(e),r<0)break}throw W(e.source,t,`Invalid Unicode escape sequence: "${n.slice(t,t+i)}".`)}function ta(e,t){let n=e.source.body,r=na(n,t+2);if(q(r))return{value:String.fromCodePoint(r),size:6};if(qi(r)&&n.charCodeAt(t+6)===92&&n.charCodeAt(t+7)===117){let e=na(n,t+8);if(Ji(e))return{value:String.fromCodePoint(r,e),size:12}}throw W(e.source,t,`Invalid Unicode escape sequence: "${n.slice(t,t+6)}".`)}function na(e,t){return ra(e.charCodeAt(t))<<12|ra(e.charCodeAt(t+1))<<8|ra(e.charCodeAt(t+2))<<4|ra(e.charCodeAt(t+3))}function ra(e){return e>=48&&e<=57?e-48:e>=65&&e<=70?e-55:e>=97&&e<=102?e-87:-1}function ia(e,t){let n=e.source.body;switch(n.charCodeAt(t+1)){case 34:return{value:`"`,size:2};case 92:return{value:`\\`,size:2};case 47:return{value:`/`,size:2};case 98:return{value:`\b`,size:2};case 102:return{value:`\f`,size:2};case 110:return{value:`
`,size:2};case 114:return{value:`\r`,size:2};case 116:return{value:`	`,size:2}}throw W(e.source,t,`Invalid character escape sequence: "${n.slice(t,t+2)}".`)}function aa(e,t){let n=e.source.body,r=n.length,i=e.lineStart,a=t+3,o=a,s=``,c=[];for(;a<r;){let r=n.charCodeAt(a);if(r===34&&n.charCodeAt(a+1)===34&&n.charCodeAt(a+2)===34){s+=n.slice(o,a),c.push(s);let r=Y(e,K.BLOCK_STRING,t,a+3,Vi(c).join(`
`));return e.line+=c.length-1,e.lineStart=i,r}if(r===92&&n.charCodeAt(a+1)===34&&n.charCodeAt(a+2)===34&&n.charCodeAt(a+3)===34)s+=n.slice(o,a),o=a+1,a+=4;else if(r===10||r===13)s+=n.slice(o,a),c.push(s),r===13&&n.charCodeAt(a+1)===10?a+=2:++a,s=``,o=a,i=a;else if(q(r))++a;else if(Ki(n,a))a+=2;else throw W(e.source,a,`Invalid character within String: ${J(e,a)}.`)}throw W(e.source,a,`Unterminated string.`)}function oa(e,t){let n=e.source.body,r=n.length,i=t+1;for(;i<r&&Bi(n.charCodeAt(i));)++i;return Y(e,K.NAME,t,i,n.slice(t,i))}var sa=10,ca=2;function la(e){return ua(e,[])}function ua(e,t){switch(typeof e){case`string`:return JSON.stringify(e);case`function`:return e.name?`[function ${e.name}]`:`[function]`;case`object`:return da(e,t);default:return String(e)}}function da(e,t){if(e===null)return`null`;if(t.includes(e))return`[Circular]`;let n=[...t,e];if(fa(e)){let t=e.toJSON();if(t!==e)return typeof t==`string`?t:ua(t,n)}else if(Array.isArray(e))return ma(e,n);return pa(e,n)}function fa(e){return typeof e.toJSON==`function`}function pa(e,t){let n=Object.entries(e);return n.length===0?`{}`:t.length>ca?`[`+ha(e)+`]`:`{ `+n.map(([e,n])=>e+`: `+ua(n,t)).join(`, `)+` }`}function ma(e,t){if(e.length===0)return`[]`;if(t.length>ca)return`[Array]`;let n=Math.min(sa,e.length),r=e.length-n,i=[];for(let r=0;r<n;++r)i.push(ua(e[r],t));return r===1?i.push(`... 1 more item`):r>1&&i.push(`... ${r} more items`),`[`+i.join(`, `)+`]`}function ha(e){let t=Object.prototype.toString.call(e).replace(/^\[object /,``).replace(/]$/,``);if(t===`Object`&&typeof e.constructor==`function`){let t=e.constructor.name;if(typeof t==`string`&&t!==``)return t}return t}var ga=globalThis.process?function(e,t){return e instanceof t}:function(e,t){if(e instanceof t)return!0;if(typeof e==`object`&&e){let n=t.prototype[Symbol.toStringTag];if(n===(Symbol.toStringTag in e?e[Symbol.toStringTag]:e.constructor?.name)){let t=la(e);throw Error(`Cannot use ${n} "${t}" from another module or realm.

Ensure that there is only one instance of "graphql" in the node_modules
directory. If different versions of "graphql" are the dependencies of other
relied on modules, use "resolutions" to ensure only one version is installed.

https://yarnpkg.com/en/docs/selective-version-resolutions

Duplicate "graphql" modules cannot be used at the same time since different
versions may have different capabilities and behavior. The data from one
version used in the function from another could produce confusing and
spurious results.`)}}return!1},_a=class{constructor(e,t=`GraphQL request`,n={line:1,column:1}){typeof e==`string`||xi(!1,`Body must be a string. Received: ${la(e)}.`),this.body=e,this.name=t,this.locationOffset=n,this.locationOffset.line>0||xi(!1,`line in locationOffset is 1-indexed and must be positive.`),this.locationOffset.column>0||xi(!1,`column in locationOffset is 1-indexed and must be positive.`)}get[Symbol.toStringTag](){return`Source`}};function va(e){return ga(e,_a)}function ya(e,t){let n=new ba(e,t),r=n.parseDocument();return Object.defineProperty(r,"tokenCount",{enumerable:!1,value:n.tokenCount}),r}var ba=class{constructor(e,t={}){let{lexer:n,...r}=t;if(n)this._lexer=n;else{let t=va(e)?e:new _a(e);this._lexer=new Wi(t)}this._options=r,this._tokenCounter=0,this._lexer._maxComments=t?.maxComments,this._lexer._commentCount=0;let i=t?.maxSourceLength;if(i!==void 0&&this._lexer.source.body.length>i)throw W(this._lexer.source,i,`Source contains more than ${i} UTF-16 code units. Parsing aborted.`)}get tokenCount(){return this._tokenCounter}parseName(){let e=this.expectToken(K.NAME);return this.node(e,{kind:G.NAME,value:e.value})}parseDocument(){return this.node(this._lexer.token,{kind:G.DOCUMENT,definitions:this.many(K.SOF,this.parseDefinition,K.EOF)})}parseDefinition(){if(this.peek(K.BRACE_L))return this.parseOperationDefinition();let e=this.peekDescription(),t=e?this._lexer.lookahead():this._lexer.token;if(e&&t.kind===K.BRACE_L)throw W(this._lexer.source,this._lexer.token.start,`Unexpected description, descriptions are not supported on shorthand queries.`);if(t.kind===K.NAME){switch(t.value){case`schema`:return this.parseSchemaDefinition();case`scalar`:return this.parseScalarTypeDefinition();case`type`:return this.parseObjectTypeDefinition();case`interface`:return this.parseInterfaceTypeDefinition();case`union`:return this.parseUnionTypeDefinition();case`enum`:return this.parseEnumTypeDefinition();case`input`:return this.parseInputObjectTypeDefinition();case`directive`:return this.parseDirectiveDefinition()}switch(t.value){case`query`:case`mutation`:case`subscription`:return this.parseOperationDefinition();case`fragment`:return this.parseFragmentDefinition()}if(e)throw W(this._lexer.source,this._lexer.token.start,`Unexpected description, only GraphQL definitions support descriptions.`);if(t.value===`extend`)return this.parseTypeSystemExtension()}throw this.unexpected(t)}parseOperationDefinition(){let e=this._lexer.token;if(this.peek(K.BRACE_L))return this.node(e,{kind:G.OPERATION_DEFINITION,operation:Pi.QUERY,description:void 0,name:void 0,variableDefinitions:[],directives:[],selectionSet:this.parseSelectionSet()});let t=this.parseDescription(),n=this.parseOperationType(),r;return this.peek(K.NAME)&&(r=this.parseName()),this.node(e,{kind:G.OPERATION_DEFINITION,operation:n,description:t,name:r,variableDefinitions:this.parseVariableDefinitions(),directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()})}parseOperationType(){let e=this.expectToken(K.NAME);switch(e.value){case`query`:return Pi.QUERY;case`mutation`:return Pi.MUTATION;case`subscription`:return Pi.SUBSCRIPTION}throw this.unexpected(e)}parseVariableDefinitions(){return this.optionalMany(K.PAREN_L,this.parseVariableDefinition,K.PAREN_R)}parseVariableDefinition(){return this.node(this._lexer.token,{kind:G.VARIABLE_DEFINITION,description:this.parseDescription(),variable:this.parseVariable(),type:(this.expectToken(K.COLON),this.parseTypeReference()),defaultValue:this.expectOptionalToken(K.EQUALS)?this.parseConstValueLiteral():void 0,directives:this.parseConstDirectives()})}parseVariable(){let e=this._lexer.token;return this.expectToken(K.DOLLAR),this.node(e,{kind:G.VARIABLE,name:this.parseName()})}parseSelectionSet(){return this.node(this._lexer.token,{kind:G.SELECTION_SET,selections:this.many(K.BRACE_L,this.parseSelection,K.BRACE_R)})}parseSelection(){return this.peek(K.SPREAD)?this.parseFragment():this.parseField()}parseField(){let e=this._lexer.token,t=this.parseName(),n,r;return this.expectOptionalToken(K.COLON)?(n=t,r=this.parseName()):r=t,this.node(e,{kind:G.FIELD,alias:n,name:r,arguments:this.parseArguments(!1),directives:this.parseDirectives(!1),selectionSet:this.peek(K.BRACE_L)?this.parseSelectionSet():void 0})}parseArguments(e){let t=e?this.parseConstArgument:this.parseArgument;return this.optionalMany(K.PAREN_L,t,K.PAREN_R)}parseArgument(e=!1){let t=this._lexer.token,n=this.parseName();return this.expectToken(K.COLON),this.node(t,{kind:G.ARGUMENT,name:n,value:this.parseValueLiteral(e)})}parseConstArgument(){return this.parseArgument(!0)}parseFragment(){let e=this._lexer.token;this.expectToken(K.SPREAD);let t=this.expectOptionalKeyword(`on`);return!t&&this.peek(K.NAME)?this.node(e,{kind:G.FRAGMENT_SPREAD,name:this.parseFragmentName(),directives:this.parseDirectives(!1)}):this.node(e,{kind:G.INLINE_FRAGMENT,typeCondition:t?this.parseNamedType():void 0,directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()})}parseFragmentDefinition(){let e=this._lexer.token,t=this.parseDescription();return this.expectKeyword(`fragment`),this._options.allowLegacyFragmentVariables===!0?this.node(e,{kind:G.FRAGMENT_DEFINITION,description:t,name:this.parseFragmentName(),variableDefinitions:this.parseVariableDefinitions(),typeCondition:(this.expectKeyword(`on`),this.parseNamedType()),directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()}):this.node(e,{kind:G.FRAGMENT_DEFINITION,description:t,name:this.parseFragmentName(),typeCondition:(this.expectKeyword(`on`),this.parseNamedType()),directives:this.parseDirectives(!1),selectionSet:this.parseSelectionSet()})}parseFragmentName(){if(this._lexer.token.value===`on`)throw this.unexpected();return this.parseName()}parseValueLiteral(e){let t=this._lexer.token;switch(t.kind){case K.BRACKET_L:return this.parseList(e);case K.BRACE_L:return this.parseObject(e);case K.INT:return this.advanceLexer(),this.node(t,{kind:G.INT,value:t.value});case K.FLOAT:return this.advanceLexer(),this.node(t,{kind:G.FLOAT,value:t.value});case K.STRING:case K.BLOCK_STRING:return this.parseStringLiteral();case K.NAME:switch(this.advanceLexer(),t.value){case`true`:return this.node(t,{kind:G.BOOLEAN,value:!0});case`false`:return this.node(t,{kind:G.BOOLEAN,value:!1});case`null`:return this.node(t,{kind:G.NULL});default:return this.node(t,{kind:G.ENUM,value:t.value})}case K.DOLLAR:if(e){if(this.expectToken(K.DOLLAR),this._lexer.token.kind===K.NAME){let e=this._lexer.token.value;throw W(this._lexer.source,t.start,`Unexpected variable "$${e}" in constant value.`)}throw this.unexpected(t)}return this.parseVariable();default:throw this.unexpected()}}parseConstValueLiteral(){return this.parseValueLiteral(!0)}parseStringLiteral(){let e=this._lexer.token;return this.advanceLexer(),this.node(e,{kind:G.STRING,value:e.value,block:e.kind===K.BLOCK_STRING})}parseList(e){return this.node(this._lexer.token,{kind:G.LIST,values:this.any(K.BRACKET_L,()=>this.parseValueLiteral(e),K.BRACKET_R)})}parseObject(e){return this.node(this._lexer.token,{kind:G.OBJECT,fields:this.any(K.BRACE_L,()=>this.parseObjectField(e),K.BRACE_R)})}parseObjectField(e){let t=this._lexer.token,n=this.parseName();return this.expectToken(K.COLON),this.node(t,{kind:G.OBJECT_FIELD,name:n,value:this.parseValueLiteral(e)})}parseDirectives(e){let t=[];for(;this.peek(K.AT);)t.push(this.parseDirective(e));return t}parseConstDirectives(){return this.parseDirectives(!0)}parseDirective(e){let t=this._lexer.token;return this.expectToken(K.AT),this.node(t,{kind:G.DIRECTIVE,name:this.parseName(),arguments:this.parseArguments(e)})}parseTypeReference(){let e=this._lexer.token,t;if(this.expectOptionalToken(K.BRACKET_L)){let n=this.parseTypeReference();this.expectToken(K.BRACKET_R),t=this.node(e,{kind:G.LIST_TYPE,type:n})}else t=this.parseNamedType();return this.expectOptionalToken(K.BANG)?this.node(e,{kind:G.NON_NULL_TYPE,type:t}):t}parseNamedType(){return this.node(this._lexer.token,{kind:G.NAMED_TYPE,name:this.parseName()})}peekDescription(){return this.peek(K.STRING)||this.peek(K.BLOCK_STRING)}parseDescription(){if(this.peekDescription())return this.parseStringLiteral()}parseSchemaDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`schema`);let n=this.parseConstDirectives(),r=this.many(K.BRACE_L,this.parseOperationTypeDefinition,K.BRACE_R);return this.node(e,{kind:G.SCHEMA_DEFINITION,description:t,directives:n,operationTypes:r})}parseOperationTypeDefinition(){let e=this._lexer.token,t=this.parseOperationType();this.expectToken(K.COLON);let n=this.parseNamedType();return this.node(e,{kind:G.OPERATION_TYPE_DEFINITION,operation:t,type:n})}parseScalarTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`scalar`);let n=this.parseName(),r=this.parseConstDirectives();return this.node(e,{kind:G.SCALAR_TYPE_DEFINITION,description:t,name:n,directives:r})}parseObjectTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`type`);let n=this.parseName(),r=this.parseImplementsInterfaces(),i=this.parseConstDirectives(),a=this.parseFieldsDefinition();return this.node(e,{kind:G.OBJECT_TYPE_DEFINITION,description:t,name:n,interfaces:r,directives:i,fields:a})}parseImplementsInterfaces(){return this.expectOptionalKeyword(`implements`)?this.delimitedMany(K.AMP,this.parseNamedType):[]}parseFieldsDefinition(){return this.optionalMany(K.BRACE_L,this.parseFieldDefinition,K.BRACE_R)}parseFieldDefinition(){let e=this._lexer.token,t=this.parseDescription(),n=this.parseName(),r=this.parseArgumentDefs();this.expectToken(K.COLON);let i=this.parseTypeReference(),a=this.parseConstDirectives();return this.node(e,{kind:G.FIELD_DEFINITION,description:t,name:n,arguments:r,type:i,directives:a})}parseArgumentDefs(){return this.optionalMany(K.PAREN_L,this.parseInputValueDef,K.PAREN_R)}parseInputValueDef(){let e=this._lexer.token,t=this.parseDescription(),n=this.parseName();this.expectToken(K.COLON);let r=this.parseTypeReference(),i;this.expectOptionalToken(K.EQUALS)&&(i=this.parseConstValueLiteral());let a=this.parseConstDirectives();return this.node(e,{kind:G.INPUT_VALUE_DEFINITION,description:t,name:n,type:r,defaultValue:i,directives:a})}parseInterfaceTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`interface`);let n=this.parseName(),r=this.parseImplementsInterfaces(),i=this.parseConstDirectives(),a=this.parseFieldsDefinition();return this.node(e,{kind:G.INTERFACE_TYPE_DEFINITION,description:t,name:n,interfaces:r,directives:i,fields:a})}parseUnionTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`union`);let n=this.parseName(),r=this.parseConstDirectives(),i=this.parseUnionMemberTypes();return this.node(e,{kind:G.UNION_TYPE_DEFINITION,description:t,name:n,directives:r,types:i})}parseUnionMemberTypes(){return this.expectOptionalToken(K.EQUALS)?this.delimitedMany(K.PIPE,this.parseNamedType):[]}parseEnumTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`enum`);let n=this.parseName(),r=this.parseConstDirectives(),i=this.parseEnumValuesDefinition();return this.node(e,{kind:G.ENUM_TYPE_DEFINITION,description:t,name:n,directives:r,values:i})}parseEnumValuesDefinition(){return this.optionalMany(K.BRACE_L,this.parseEnumValueDefinition,K.BRACE_R)}parseEnumValueDefinition(){let e=this._lexer.token,t=this.parseDescription(),n=this.parseEnumValueName(),r=this.parseConstDirectives();return this.node(e,{kind:G.ENUM_VALUE_DEFINITION,description:t,name:n,directives:r})}parseEnumValueName(){if(this._lexer.token.value===`true`||this._lexer.token.value===`false`||this._lexer.token.value===`null`)throw W(this._lexer.source,this._lexer.token.start,`${xa(this._lexer.token)} is reserved and cannot be used for an enum value.`);return this.parseName()}parseInputObjectTypeDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`input`);let n=this.parseName(),r=this.parseConstDirectives(),i=this.parseInputFieldsDefinition();return this.node(e,{kind:G.INPUT_OBJECT_TYPE_DEFINITION,description:t,name:n,directives:r,fields:i})}parseInputFieldsDefinition(){return this.optionalMany(K.BRACE_L,this.parseInputValueDef,K.BRACE_R)}parseTypeSystemExtension(){let e=this._lexer.lookahead();if(e.kind===K.NAME)switch(e.value){case`schema`:return this.parseSchemaExtension();case`scalar`:return this.parseScalarTypeExtension();case`type`:return this.parseObjectTypeExtension();case`interface`:return this.parseInterfaceTypeExtension();case`union`:return this.parseUnionTypeExtension();case`enum`:return this.parseEnumTypeExtension();case`input`:return this.parseInputObjectTypeExtension();case`directive`:if(this._options.experimentalDirectivesOnDirectiveDefinitions)return this.parseDirectiveDefinitionExtension()}throw this.unexpected(e)}parseSchemaExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`schema`);let t=this.parseConstDirectives(),n=this.optionalMany(K.BRACE_L,this.parseOperationTypeDefinition,K.BRACE_R);if(t.length===0&&n.length===0)throw this.unexpected();return this.node(e,{kind:G.SCHEMA_EXTENSION,directives:t,operationTypes:n})}parseScalarTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`scalar`);let t=this.parseName(),n=this.parseConstDirectives();if(n.length===0)throw this.unexpected();return this.node(e,{kind:G.SCALAR_TYPE_EXTENSION,name:t,directives:n})}parseObjectTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`type`);let t=this.parseName(),n=this.parseImplementsInterfaces(),r=this.parseConstDirectives(),i=this.parseFieldsDefinition();if(n.length===0&&r.length===0&&i.length===0)throw this.unexpected();return this.node(e,{kind:G.OBJECT_TYPE_EXTENSION,name:t,interfaces:n,directives:r,fields:i})}parseInterfaceTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`interface`);let t=this.parseName(),n=this.parseImplementsInterfaces(),r=this.parseConstDirectives(),i=this.parseFieldsDefinition();if(n.length===0&&r.length===0&&i.length===0)throw this.unexpected();return this.node(e,{kind:G.INTERFACE_TYPE_EXTENSION,name:t,interfaces:n,directives:r,fields:i})}parseUnionTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`union`);let t=this.parseName(),n=this.parseConstDirectives(),r=this.parseUnionMemberTypes();if(n.length===0&&r.length===0)throw this.unexpected();return this.node(e,{kind:G.UNION_TYPE_EXTENSION,name:t,directives:n,types:r})}parseEnumTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`enum`);let t=this.parseName(),n=this.parseConstDirectives(),r=this.parseEnumValuesDefinition();if(n.length===0&&r.length===0)throw this.unexpected();return this.node(e,{kind:G.ENUM_TYPE_EXTENSION,name:t,directives:n,values:r})}parseInputObjectTypeExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`input`);let t=this.parseName(),n=this.parseConstDirectives(),r=this.parseInputFieldsDefinition();if(n.length===0&&r.length===0)throw this.unexpected();return this.node(e,{kind:G.INPUT_OBJECT_TYPE_EXTENSION,name:t,directives:n,fields:r})}parseDirectiveDefinitionExtension(){let e=this._lexer.token;this.expectKeyword(`extend`),this.expectKeyword(`directive`),this.expectToken(K.AT);let t=this.parseName(),n=this.parseConstDirectives();if(n.length===0)throw this.unexpected();return this.node(e,{kind:G.DIRECTIVE_EXTENSION,name:t,directives:n})}parseDirectiveDefinition(){let e=this._lexer.token,t=this.parseDescription();this.expectKeyword(`directive`),this.expectToken(K.AT);let n=this.parseName(),r=this.parseArgumentDefs(),i=this._options.experimentalDirectivesOnDirectiveDefinitions?this.parseConstDirectives():[],a=this.expectOptionalKeyword(`repeatable`);this.expectKeyword(`on`);let o=this.parseDirectiveLocations();return this.node(e,{kind:G.DIRECTIVE_DEFINITION,description:t,name:n,arguments:r,directives:i,repeatable:a,locations:o})}parseDirectiveLocations(){return this.delimitedMany(K.PIPE,this.parseDirectiveLocation)}parseDirectiveLocation(){let e=this._lexer.token,t=this.parseName();if(Object.prototype.hasOwnProperty.call(Fi,t.value))return t;throw this.unexpected(e)}parseSchemaCoordinate(){let e=this._lexer.token,t=this.expectOptionalToken(K.AT),n=this.parseName(),r;!t&&this.expectOptionalToken(K.DOT)&&(r=this.parseName());let i;return(t||r)&&this.expectOptionalToken(K.PAREN_L)&&(i=this.parseName(),this.expectToken(K.COLON),this.expectToken(K.PAREN_R)),t?i?this.node(e,{kind:G.DIRECTIVE_ARGUMENT_COORDINATE,name:n,argumentName:i}):this.node(e,{kind:G.DIRECTIVE_COORDINATE,name:n}):r?i?this.node(e,{kind:G.ARGUMENT_COORDINATE,name:n,fieldName:r,argumentName:i}):this.node(e,{kind:G.MEMBER_COORDINATE,name:n,memberName:r}):this.node(e,{kind:G.TYPE_COORDINATE,name:n})}node(e,t){return this._options.noLocation!==!0&&(t.loc=new ji(e,this._lexer.lastToken,this._lexer.source)),t}peek(e){return this._lexer.token.kind===e}expectToken(e){let t=this._lexer.token;if(t.kind===e)return this.advanceLexer(),t;throw W(this._lexer.source,t.start,`Expected ${Sa(e)}, found ${xa(t)}.`)}expectOptionalToken(e){return this._lexer.token.kind===e&&(this.advanceLexer(),!0)}expectKeyword(e){let t=this._lexer.token;if(t.kind===K.NAME&&t.value===e)this.advanceLexer();else throw W(this._lexer.source,t.start,`Expected "${e}", found ${xa(t)}.`)}expectOptionalKeyword(e){let t=this._lexer.token;return t.kind===K.NAME&&t.value===e&&(this.advanceLexer(),!0)}unexpected(e){let t=e??this._lexer.token;return W(this._lexer.source,t.start,`Unexpected ${xa(t)}.`)}any(e,t,n){this.expectToken(e);let r=[];for(;!this.expectOptionalToken(n);)r.push(t.call(this));return r}optionalMany(e,t,n){if(this.expectOptionalToken(e)){let e=[];do e.push(t.call(this));while(!this.expectOptionalToken(n));return e}return[]}many(e,t,n){this.expectToken(e);let r=[];do r.push(t.call(this));while(!this.expectOptionalToken(n));return r}delimitedMany(e,t){this.expectOptionalToken(e);let n=[];do n.push(t.call(this));while(this.expectOptionalToken(e));return n}advanceLexer(){let{maxLexicalTokens:e=this._options.maxTokens}=this._options,t=this._lexer.advance();if(t.kind!==K.EOF&&(++this._tokenCounter,e!==void 0&&this._tokenCounter>e))throw W(this._lexer.source,t.start,`Document contains more that ${e} tokens. Parsing aborted.`)}};function xa(e){let t=e.value;return Sa(e.kind)+(t==null?``:` "${t}"`)}function Sa(e){return Gi(e)?`"${e}"`:e}function Ca(e){return`"${e.replace(wa,Ta)}"`}var wa=/[\x00-\x1f\x22\x5c\x7f-\x9f]/g;function Ta(e){return Ea[e.charCodeAt(0)]}var Ea=`\\u0000.\\u0001.\\u0002.\\u0003.\\u0004.\\u0005.\\u0006.\\u0007.\\b.\\t.\\n.\\u000B.\\f.\\r.\\u000E.\\u000F.\\u0010.\\u0011.\\u0012.\\u0013.\\u0014.\\u0015.\\u0016.\\u0017.\\u0018.\\u0019.\\u001A.\\u001B.\\u001C.\\u001D.\\u001E.\\u001F...\\"..........................................................\\\\...................................\\u007F.\\u0080.\\u0081.\\u0082.\\u0083.\\u0084.\\u0085.\\u0086.\\u0087.\\u0088.\\u0089.\\u008A.\\u008B.\\u008C.\\u008D.\\u008E.\\u008F.\\u0090.\\u0091.\\u0092.\\u0093.\\u0094.\\u0095.\\u0096.\\u0097.\\u0098.\\u0099.\\u009A.\\u009B.\\u009C.\\u009D.\\u009E.\\u009F`.split(`.`);function Da(e,t){let n=[],r={parent:[e],keys:void 0,results:[],index:-1},i;do{let e;r.index++;let a=r.keys===void 0?r.parent.length:r.keys.length;if(r.index===a)i=r.results,e=r.keys===void 0?void 0:r.results.kind,r=n.pop();else{if(i=r.keys===void 0?r.parent[r.index]:r.parent[r.keys[r.index]],i==null&&n.length!==0)continue;if(Array.isArray(i)){if(i.length!==0){n.push(r),r={parent:i,keys:void 0,results:[],index:-1};continue}}else{let t=i;e=t?.kind;let a=typeof e==`string`?Ni[e]:void 0;if(!Array.isArray(a))throw Error(`Invalid AST Node: ${la(i)}.`);if(a.length!==0){n.push(r),r={parent:t,keys:a,results:{...t},index:-1};continue}}}e!==void 0&&(i=(0,t[e])?.(i)),r.keys===void 0?r.results.push(i):r.results[r.keys[r.index]]=i}while(n.length!==0);return i}function Oa(e,t){return ja(Da(e,Ma),t?.maxIndentDepth??1/0)}var ka=80,X=class e{next=void 0;tail=this;indentBefore=!1;dedentAfter=!1;constructor(e=``,t=!1){this.length=e.length,this.lines=e.includes(`
`)?e.split(`
`):e,this.newlines=typeof this.lines==`string`?0:this.lines.length-1,this.isBlockString=t}append(t){if(t.length===0)return this;let n=typeof t==`string`?new e(t):t;return this.tail.next=n,this.tail=n.tail,this.length+=n.length,this.newlines+=n.newlines,this}indent(){return this.length===0||(this.indentBefore=!0,this.tail.dedentAfter=!0,this.length+=2*(this.newlines+1)),this}},Aa=new X;function ja(e,t){let n=``,r=``,i=0,a=``,o=e;for(;o!==void 0;){let e=o.lines;if(o.indentBefore&&(i<t&&(a+=`  `,r+=`  `),i++),typeof e==`string`)r+=e;else{r+=e[0];let s=!o.isBlockString&&i>=t?` `:`
`+a;for(let t=1;t<e.length;t++)n+=r,r=s+e[t]}o.dedentAfter&&(i--,a=a.slice(0,i*2)),o=o.next}return n+r}var Ma={Name:e=>new X(e.value),Variable:e=>Z([`$`,e.name]),Document:e=>Z(e.definitions,`

`),OperationDefinition(e){let t=Pa(e.variableDefinitions)?$(`(
`,Z(e.variableDefinitions,`
`),`
)`):$(`(`,Z(e.variableDefinitions,`, `),`)`),n=Z([$(``,e.description,`
`),Z([e.operation,Z([e.name,t]),Z(e.directives,` `)],` `)]);return Z([e.operation===`query`&&n.length===e.operation.length?``:Z([n,` `]),e.selectionSet])},VariableDefinition:({variable:e,type:t,defaultValue:n,directives:r,description:i})=>Z([$(``,i,`
`),e,`: `,t,$(` = `,n),$(` `,Z(r,` `))]),SelectionSet:({selections:e})=>Q(e),Field({alias:e,name:t,arguments:n,directives:r,selectionSet:i}){return Z([Fa(Z([$(``,e,`: `),t],``),n),$(` `,Z(r,` `)),$(` `,i)])},Argument:({name:e,value:t})=>Z([e,`: `,t]),FragmentSpread:({name:e,directives:t})=>Z([`...`,e,$(` `,Z(t,` `))]),InlineFragment:({typeCondition:e,directives:t,selectionSet:n})=>Z([`...`,$(`on `,e),Z(t,` `),n],` `),FragmentDefinition:({name:e,typeCondition:t,variableDefinitions:n,directives:r,selectionSet:i,description:a})=>Z([$(``,a,`
`),`fragment `,e,$(`(`,Z(n,`, `),`)`),` on `,t,` `,$(``,Z(r,` `),` `),i]),IntValue:({value:e})=>new X(e),FloatValue:({value:e})=>new X(e),StringValue:({value:e,block:t})=>new X(t===!0?Ui(e):Ca(e),t===!0),BooleanValue:({value:e})=>new X(e?`true`:`false`),NullValue:()=>new X(`null`),EnumValue:({value:e})=>new X(e),ListValue:({values:e})=>Z([`[`,Z(e,`, `),`]`]),ObjectValue:({fields:e})=>Z([`{`,Z(e,`, `),`}`]),ObjectField:({name:e,value:t})=>Z([e,`: `,t]),Directive:({name:e,arguments:t})=>Z([`@`,e,$(`(`,Z(t,`, `),`)`)]),NamedType:({name:e})=>e,ListType:({type:e})=>Z([`[`,e,`]`]),NonNullType:({type:e})=>Z([e,`!`]),SchemaDefinition:({description:e,directives:t,operationTypes:n})=>Z([$(``,e,`
`),Z([`schema`,Z(t,` `),Q(n)],` `)]),OperationTypeDefinition:({operation:e,type:t})=>Z([e,`: `,t]),ScalarTypeDefinition:({description:e,name:t,directives:n})=>Z([$(``,e,`
`),Z([`scalar`,t,Z(n,` `)],` `)]),ObjectTypeDefinition:({description:e,name:t,interfaces:n,directives:r,fields:i})=>Z([$(``,e,`
`),Z([`type`,t,$(`implements `,Z(n,` & `)),Z(r,` `),Q(i)],` `)]),FieldDefinition:({description:e,name:t,arguments:n,type:r,directives:i})=>Z([$(``,e,`
`),t,Pa(n)?$(`(
`,Z(n,`
`).indent(),`
)`):$(`(`,Z(n,`, `),`)`),`: `,r,$(` `,Z(i,` `))]),InputValueDefinition:({description:e,name:t,type:n,defaultValue:r,directives:i})=>Z([$(``,e,`
`),t,`: `,n,$(` = `,r),$(` `,Z(i,` `))]),InterfaceTypeDefinition:({description:e,name:t,interfaces:n,directives:r,fields:i})=>Z([$(``,e,`
`),Z([`interface`,t,$(`implements `,Z(n,` & `)),Z(r,` `),Q(i)],` `)]),UnionTypeDefinition:({description:e,name:t,directives:n,types:r})=>Z([$(``,e,`
`),Z([`union`,t,Z(n,` `),$(`= `,Z(r,` | `))],` `)]),EnumTypeDefinition:({description:e,name:t,directives:n,values:r})=>Z([$(``,e,`
`),Z([`enum`,t,Z(n,` `),Q(r)],` `)]),EnumValueDefinition:({description:e,name:t,directives:n})=>Z([$(``,e,`
`),Z([t,Z(n,` `)],` `)]),InputObjectTypeDefinition:({description:e,name:t,directives:n,fields:r})=>Z([$(``,e,`
`),Z([`input`,t,Z(n,` `),Q(r)],` `)]),DirectiveDefinition:({description:e,name:t,arguments:n,directives:r,repeatable:i,locations:a})=>Z([$(``,e,`
`),`directive @`,t,Pa(n)?$(`(
`,Z(n,`
`).indent(),`
)`):$(`(`,Z(n,`, `),`)`),$(` `,Z(r,` `)),i?` repeatable`:``,` on `,Z(a,` | `)]),SchemaExtension:({directives:e,operationTypes:t})=>Z([`extend schema`,Z(e,` `),Q(t)],` `),ScalarTypeExtension:({name:e,directives:t})=>Z([`extend scalar`,e,Z(t,` `)],` `),ObjectTypeExtension:({name:e,interfaces:t,directives:n,fields:r})=>Z([`extend type`,e,$(`implements `,Z(t,` & `)),Z(n,` `),Q(r)],` `),InterfaceTypeExtension:({name:e,interfaces:t,directives:n,fields:r})=>Z([`extend interface`,e,$(`implements `,Z(t,` & `)),Z(n,` `),Q(r)],` `),UnionTypeExtension:({name:e,directives:t,types:n})=>Z([`extend union`,e,Z(t,` `),$(`= `,Z(n,` | `))],` `),EnumTypeExtension:({name:e,directives:t,values:n})=>Z([`extend enum`,e,Z(t,` `),Q(n)],` `),InputObjectTypeExtension:({name:e,directives:t,fields:n})=>Z([`extend input`,e,Z(t,` `),Q(n)],` `),DirectiveExtension:({name:e,directives:t})=>Z([Z([`extend directive @`,e]),Z(t,` `)],` `),TypeCoordinate:({name:e})=>e,MemberCoordinate:({name:e,memberName:t})=>Z([e,$(`.`,t)]),ArgumentCoordinate:({name:e,fieldName:t,argumentName:n})=>Z([e,$(`.`,t),$(`(`,n,`:)`)]),DirectiveCoordinate:({name:e})=>Z([`@`,e]),DirectiveArgumentCoordinate:({name:e,argumentName:t})=>Z([`@`,e,$(`(`,t,`:)`)])};function Z(e,t=``){if(e==null||e.length===0)return Aa;let n=Aa;for(let r of e)r!==void 0&&r.length!==0&&(n.length===0?n=typeof r==`string`?new X(r):r:(t!==``&&n.append(t),n.append(r)));return n}function Na(e,t){let n=0;for(let r of e)r.length!==0&&(n+=(n===0?0:t.length)+r.length);return n}function Q(e){return $(`{
`,Z(e,`
`).indent(),`
}`)}function $(e,t,n=``){return t!=null&&t.length!==0?e===``?t.append(n):new X(e).append(t).append(n):Aa}function Pa(e){return e?.some(e=>e.newlines!==0)??!1}function Fa(e,t){return t==null||t.length===0?e:Z([e,e.length+Na(t,`, `)+2>ka?$(`(
`,Z(t,`
`).indent(),`
)`):$(`(`,Z(t,`, `),`)`)])}var Ia=`Accept`,La=`Content-Type`,Ra=`application/json`,za=`application/graphql-response+json`,Ba=e=>e.replace(/([\s,]|#[^\n\r]+)+/g,` `).trim(),Va=e=>{let t=e.toLowerCase();return t.includes(`application/graphql-response+json`)||t.includes(`application/json`)},Ha=e=>{try{if(Array.isArray(e))return{_tag:`Batch`,executionResults:e.map(Ua)};if(vi(e))return{_tag:`Single`,executionResult:Ua(e)};throw Error(`Invalid execution result: result is not object or array. \nGot:\n${String(e)}`)}catch(e){return e}},Ua=e=>{if(typeof e!=`object`||!e)throw Error(`Invalid execution result: result is not object`);let t,n,r;if(`errors`in e){if(!vi(e.errors)&&!Array.isArray(e.errors))throw Error(`Invalid execution result: errors is not plain object OR array`);t=e.errors}if(`data`in e){if(!vi(e.data)&&e.data!==null)throw Error(`Invalid execution result: data is not plain object`);n=e.data}if(`extensions`in e){if(!vi(e.extensions))throw Error(`Invalid execution result: extensions is not plain object`);r=e.extensions}return{data:n,errors:t,extensions:r}},Wa=e=>e._tag===`Batch`?e.executionResults.some(Ga):Ga(e.executionResult),Ga=e=>Array.isArray(e.errors)?e.errors.length>0:!!e.errors,Ka=e=>typeof e==`object`&&!!e&&`kind`in e&&e.kind===G.OPERATION_DEFINITION,qa=e=>{let t,n=e.definitions.filter(Ka);return n.length===1&&(t=n[0].name?.value),t},Ja=e=>{let t=!1,n=e.definitions.filter(Ka);return n.length===1&&(t=n[0].operation===`mutation`),t},Ya=(e,t)=>{let n=typeof e==`string`||`kind`in e?e:String(e),r=typeof n==`string`?n:Oa(n),i=!1,a;if(t)return{expression:r,isMutation:i,operationName:a};let o=mi(()=>typeof n==`string`?ya(n):n);return o instanceof Error?{expression:r,isMutation:i,operationName:a}:(a=qa(o),i=Ja(o),{expression:r,operationName:a,isMutation:i})},Xa=JSON,Za=async e=>{let t={...e,method:e.request._tag===`Single`?e.request.document.isMutation?`POST`:ui(e.method??`post`):e.request.hasMutations?`POST`:ui(e.method??`post`),fetchOptions:{...e.fetchOptions,errorPolicy:e.fetchOptions.errorPolicy??`none`}},n=await eo(t.method)(t),r=await n.text(),i;try{i=$a(r,n.headers.get(La),e.fetchOptions.jsonSerializer??Xa)}catch(e){i=e}let a={status:n.status,headers:n.headers,body:r};if(!n.ok)return i instanceof Error?new li({...a},{query:e.request._tag===`Single`?e.request.document.expression:e.request.query,variables:e.request.variables}):new li(i._tag===`Batch`?{...i.executionResults,...a}:{...i.executionResult,...a},{query:e.request._tag===`Single`?e.request.document.expression:e.request.query,variables:e.request.variables});if(i instanceof Error)throw i;if(Wa(i)&&t.fetchOptions.errorPolicy===`none`)return new li(i._tag===`Batch`?{...i.executionResults,...a}:{...i.executionResult,...a},{query:e.request._tag===`Single`?e.request.document.expression:e.request.query,variables:e.request.variables});switch(i._tag){case`Single`:return{...a,...Qa(t)(i.executionResult)};case`Batch`:return{...a,data:i.executionResults.map(Qa(t))};default:_i(i)}},Qa=e=>t=>({extensions:t.extensions,data:t.data,errors:e.fetchOptions.errorPolicy===`all`?t.errors:void 0}),$a=(e,t,n)=>t&&Va(t)?Ha(n.parse(e)):Ha(e),eo=e=>async t=>{let n=new Headers(t.headers),r=null,i;n.has(`Accept`)||n.set(Ia,[za,Ra].join(`, `)),e===`POST`?(i=(t.fetchOptions.jsonSerializer??Xa).stringify(to(t)),typeof i==`string`&&!n.has(`Content-Type`)&&n.set(La,Ra)):r=no(t);let a={method:e,headers:n,body:i,...t.fetchOptions},o=new URL(t.url),s=a;if(t.middleware){let{url:e,...n}=await Promise.resolve(t.middleware({...a,url:t.url,operationName:t.request._tag===`Single`?t.request.document.operationName:void 0,variables:t.request.variables}));o=new URL(e),s=n}return r&&r.forEach((e,t)=>{o.searchParams.append(t,e)}),await(t.fetch??fetch)(o,s)},to=e=>{switch(e.request._tag){case`Single`:return{query:e.request.document.expression,variables:e.request.variables,operationName:e.request.document.operationName};case`Batch`:return fi(e.request.query,e.request.variables??[]).map(([e,t])=>({query:e,variables:t}));default:throw _i(e.request)}},no=e=>{let t=e.fetchOptions.jsonSerializer??Xa,n=new URLSearchParams;switch(e.request._tag){case`Single`:return n.append(`query`,Ba(e.request.document.expression)),e.request.variables&&n.append(`variables`,t.stringify(e.request.variables)),e.request.document.operationName&&n.append(`operationName`,e.request.document.operationName),n;case`Batch`:{let r=e.request.variables?.map(e=>t.stringify(e))??[],i=fi(e.request.query.map(Ba),r).map(([e,t])=>({query:e,variables:t}));return n.append(`query`,t.stringify(i)),n}default:throw _i(e.request)}},ro=class{url;requestConfig;constructor(e,t={}){this.url=e,this.requestConfig=t}rawRequest=async(...e)=>{let[t,n,r]=e,i=bi(t,n,r),{headers:a,fetch:o=globalThis.fetch,method:s=`POST`,requestMiddleware:c,responseMiddleware:l,excludeOperationName:u,...d}=this.requestConfig,{url:f}=this;i.signal!==void 0&&(d.signal=i.signal);let p=Ya(i.query,u),m=await Za({url:f,request:{_tag:`Single`,document:p,variables:i.variables},headers:{...U(di(a)),...U(i.requestHeaders)},fetch:o,method:s,fetchOptions:d,middleware:c});if(l&&await l(m,{operationName:p.operationName,variables:n,url:this.url}),m instanceof Error)throw m;return m};async request(e,...t){let[n,r]=t,i=io(e,n,r),{headers:a,fetch:o=globalThis.fetch,method:s=`POST`,requestMiddleware:c,responseMiddleware:l,excludeOperationName:u,...d}=this.requestConfig,{url:f}=this;i.signal!==void 0&&(d.signal=i.signal);let p=Ya(i.document,u),m=await Za({url:f,request:{_tag:`Single`,document:p,variables:i.variables},headers:{...U(di(a)),...U(i.requestHeaders)},fetch:o,method:s,fetchOptions:d,middleware:c});if(l&&await l(m,{operationName:p.operationName,variables:i.variables,url:this.url}),m instanceof Error)throw m;return m.data}async batchRequests(e,t){let n=yi(e,t),{headers:r,excludeOperationName:i,...a}=this.requestConfig;n.signal!==void 0&&(a.signal=n.signal);let o=n.documents.map(({document:e})=>Ya(e,i)),s=o.map(({expression:e})=>e),c=o.some(({isMutation:e})=>e),l=n.documents.map(({variables:e})=>e),u=await Za({url:this.url,request:{_tag:`Batch`,operationName:void 0,query:s,hasMutations:c,variables:l},headers:{...U(di(r)),...U(n.requestHeaders)},fetch:this.requestConfig.fetch??globalThis.fetch,method:this.requestConfig.method||`POST`,fetchOptions:a,middleware:this.requestConfig.requestMiddleware});if(this.requestConfig.responseMiddleware&&await this.requestConfig.responseMiddleware(u,{operationName:void 0,variables:l,url:this.url}),u instanceof Error)throw u;return u.data}setHeaders(e){return this.requestConfig.headers=e,this}setHeader(e,t){let{headers:n}=this.requestConfig;return n?n[e]=t:this.requestConfig.headers={[e]:t},this}setEndpoint(e){return this.url=e,this}},io=(e,t,n)=>e.document?e:{document:e,variables:t,requestHeaders:n,signal:void 0},ao=class extends Error{code;constructor(e,t){super(e),this.code=t}};function oo(e,t,n){let r={"Accept-Language":n===`en`?`en`:`zh-CN`};return e?.token&&(r.Authorization=`Bearer ${e.token}`),t&&(r[`X-Community`]=t),r}function so(e,t){if(e instanceof ao)return e;if(e instanceof li){let t=e.response?.errors?.[0];if(t)return new ao(t.message,String(t.extensions?.code??`INTERNAL`))}return new ao(t===`en`?`The server could not be reached`:`无法连接服务器，请稍后再试`,`NETWORK`)}function co(e,t,n,r=()=>{}){let i=new URL(`/graphql`,window.location.origin).toString(),a=new ro(i),o=r=>{let i=so(r,t);throw i.code===`UNAUTHENTICATED`&&e&&n(),i};return{request(n,i,s){let c=n.toString(),l=a.request({document:c,variables:i??{},requestHeaders:oo(e,s,t)}).catch(o);return c.trimStart().startsWith(`mutation`)?l.then(e=>(r(),e)):l},async upload(n,a,s,c,l){let u=new FormData;u.append(`operations`,JSON.stringify({query:n.toString(),variables:{...a,[s]:null}})),u.append(`map`,JSON.stringify({0:[`variables.${s}`]})),u.append(`0`,c,c.name);let d={};try{d=await(await fetch(i,{method:`POST`,body:u,headers:oo(e,l,t)})).json()}catch(e){o(e)}return d.errors?.length&&o(new ao(d.errors[0].message,d.errors[0].extensions?.code??`INTERNAL`)),r(),d.data}}}var lo=(0,b.createContext)(null);function uo(){let e=(0,b.useContext)(lo);if(!e)throw Error(`useApi outside ApiContext`);return e}function fo(e=0){let t=new Date(Date.now()+e*864e5);return new Intl.DateTimeFormat(`en-CA`,{timeZone:`Asia/Shanghai`}).format(t)}function po(e,t){return new Intl.DateTimeFormat(t===`en`?`en-GB`:`zh-CN`,{timeZone:`Asia/Shanghai`,dateStyle:`medium`,timeStyle:`short`}).format(new Date(e))}function mo(){return crypto.randomUUID()}var ho=(0,b.createContext)(`zh`);function go(){return localStorage.getItem(`linli.lang`)===`en`?`en`:`zh`}function _o(){return(0,b.useContext)(ho)}function vo(){let e=(0,b.useContext)(ho);return(t,n)=>e===`en`?n:t}var yo={CommunityKind:{OLD_COURTYARD:[`老旧院落`,`Old courtyard`],RESETTLEMENT:[`安置小区`,`Resettlement`],COMMERCIAL_HOUSING:[`商品房小区`,`Commercial housing`],PUBLIC_RENTAL:[`公租房小区`,`Public rental`],UNIVERSITY_TOWN:[`大学城社区`,`University town`],WORKER_DORMITORY:[`产业工人宿舍`,`Worker dormitory`],MIXED:[`混合型社区`,`Mixed`]},CommunityStatus:{ACTIVE:[`运行中`,`Active`],SUSPENDED:[`已暂停`,`Suspended`],ARCHIVED:[`已归档`,`Archived`],MOVING:[`迁移中（只读）`,`Moving (read-only)`],MOVED:[`已迁出`,`Moved away`]},Audience:{ALL:[`所有人`,`Everyone`],CHILDREN:[`少儿`,`Children`],ADULTS:[`成人`,`Adults`],ELDERLY:[`老年人`,`Elderly`]},CourseFormat:{LECTURE:[`讲座`,`Lecture`],WORKSHOP:[`工作坊`,`Workshop`],SALON:[`沙龙`,`Salon`],PERFORMANCE:[`展演`,`Performance`],FORUM:[`论坛`,`Forum`]},CourseStatus:{PROPOSED:[`待开放`,`Proposed`],OPEN:[`报名中`,`Open`],CLOSED:[`已关闭`,`Closed`]},EnrolmentStatus:{ENROLLED:[`已报名`,`Enrolled`],WAITLISTED:[`候补`,`Waiting list`],CANCELLED:[`已取消`,`Cancelled`]},SessionStatus:{SCHEDULED:[`已排课`,`Scheduled`],CANCELLED:[`已取消`,`Cancelled`]},BookingStatus:{REQUESTED:[`待审批`,`Requested`],APPROVED:[`已通过`,`Approved`],DECLINED:[`未通过`,`Declined`],CANCELLED:[`已取消`,`Cancelled`],NO_SHOW:[`未到场`,`No-show`]},DemandStatus:{SUBMITTED:[`已提交`,`Submitted`],ROUTED:[`已派单`,`Routed`],RESOLVED:[`已答复`,`Answered`],CONFIRMED:[`已办结`,`Closed`],REOPENED:[`重新办理`,`Reopened`]},PartnershipStatus:{REQUESTED:[`待审批`,`Requested`],APPROVED:[`已通过`,`Approved`],DECLINED:[`未通过`,`Declined`],ENDED:[`已结束`,`Ended`]},TargetPeriod:{MONTH:[`每月`,`Monthly`],QUARTER:[`每季度`,`Quarterly`],YEAR:[`每年`,`Yearly`]},OrganisationKind:{UNIVERSITY:[`高校`,`University`],ENTERPRISE:[`企业`,`Enterprise`],MERCHANT:[`商户`,`Merchant`],PROPERTY_COMPANY:[`物业`,`Property company`],SOCIAL_ORGANISATION:[`社会组织`,`Social organisation`],TRADE_UNION:[`工会`,`Trade union`],WOMENS_FEDERATION:[`妇联`,`Women's federation`],YOUTH_LEAGUE:[`共青团`,`Youth League`],DISABLED_PERSONS_FEDERATION:[`残联`,`Disabled persons' federation`],SCIENCE_ASSOCIATION:[`科协`,`Science association`]},PointsAccountKind:{PERSON:[`个人`,`Person`],COLLECTIVE:[`集体卡`,`Collective card`],FUND:[`社区积分池`,`Community fund`],ISSUANCE:[`发行`,`Issuance`],BURNED:[`已消耗`,`Burned`]},SpaceKind:{FUNCTION_ROOM:[`功能室`,`Function room`],COURTYARD_SPACE:[`院落空间`,`Courtyard space`],STAGE:[`舞台`,`Stage`],OUTDOOR_YARD:[`户外场地`,`Outdoor yard`],FARM:[`共享菜园`,`Farm`]},Role:{PLATFORM_ADMIN:[`平台管理员`,`Platform admin`],DISTRICT_ADMIN:[`区县管理员`,`District admin`],DISTRICT_VIEWER:[`区县观察员`,`District viewer`],COMMUNITY_ADMIN:[`社区管理员`,`Community admin`],STAFF:[`社区工作者`,`Community staff`],GRID_WORKER:[`网格员`,`Grid worker`],GROUP_LEADER:[`居民小组长`,`Group leader`],TEACHER:[`教师`,`Teacher`],VOLUNTEER:[`志愿者`,`Volunteer`],RESIDENT:[`居民`,`Resident`],PARTNER_MEMBER:[`共建单位成员`,`Partner member`]}};function bo(){let e=(0,b.useContext)(ho);return(t,n)=>{let r=yo[t]?.[n];return r?r[+(e===`en`)]:n}}function xo(){let e=Rn();return(0,b.useCallback)((...t)=>e(`/`+t.map(encodeURIComponent).join(`/`)),[e])}function So(){return(Bn()[`*`]??``).split(`/`).filter(Boolean).map(decodeURIComponent)}var Co=`linli.session`;function wo(){try{let e=JSON.parse(sessionStorage.getItem(Co)??`null`);if(e&&new Date(e.expiresAt)>new Date)return e}catch{}return null}function To(){let[e,t]=(0,b.useState)(wo);return[e,(0,b.useCallback)(e=>{e?sessionStorage.setItem(Co,JSON.stringify(e)):sessionStorage.removeItem(Co),t(e)},[])]}var Eo={district:`d`,staff:`c`,grid:`g`,partner:`p`,resident:`r`},Do={COMMUNITY_ADMIN:`staff`,STAFF:`staff`,TEACHER:`staff`,GRID_WORKER:`grid`,GROUP_LEADER:`grid`,RESIDENT:`resident`,VOLUNTEER:`resident`};function Oo(e,t=[],n=[]){let r=new Map,i=(e,t)=>{let n=r.get(e.key);n?n.roles.includes(t)||n.roles.push(t):r.set(e.key,{...e,roles:[t]})},a=e=>t.find(t=>t.code===e)?.name??e;for(let n of e)if(n.role===`PLATFORM_ADMIN`)for(let e of t)i({key:`d/${e.code}`,kind:`district`,code:e.code,name:e.name},n.role);else if(n.role===`DISTRICT_ADMIN`||n.role===`DISTRICT_VIEWER`){let e=n.districtCode;i({key:`d/${e}`,kind:`district`,code:e,name:a(e)},n.role)}else if(n.communitySlug){let e=Do[n.role];e&&i({key:`${Eo[e]}/${n.communitySlug}`,kind:e,slug:n.communitySlug,name:n.communitySlug},n.role)}for(let e of n)i({key:`p/${e.id}`,kind:`partner`,organisation:e.id,name:e.name},`PARTNER_MEMBER`);return[...r.values()]}function ko(e){return!!e?.roles?.some(e=>e===`PLATFORM_ADMIN`||e===`DISTRICT_ADMIN`)}function Ao(e,t){switch(e.kind){case`district`:return`${t(`区县`,`District`)} · ${e.name}`;case`staff`:return`${t(`社区工作`,`Community work`)} · ${e.name}`;case`grid`:return`${t(`网格`,`Grid`)} · ${e.name}`;case`partner`:return`${t(`共建单位`,`Partner`)} · ${e.name}`;default:return`${t(`居民`,`Resident`)} · ${e.name}`}}var jo={token:{colorPrimary:`#0958d9`,colorLink:`#0958d9`,colorPrimaryHover:`#003eb3`,colorPrimaryActive:`#002c8c`,colorLinkHover:`#003eb3`,colorError:`#c41d24`,colorSuccess:`#237804`,colorWarning:`#ad4e00`,colorTextSecondary:`rgba(0, 0, 0, 0.68)`,colorTextTertiary:`rgba(0, 0, 0, 0.62)`,colorTextDescription:`rgba(0, 0, 0, 0.62)`,colorTextPlaceholder:`rgba(0, 0, 0, 0.56)`,colorTextQuaternary:`rgba(0, 0, 0, 0.56)`,fontFamily:`-apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif`}},Mo={token:{fontSize:20,controlHeight:52,controlHeightLG:60,fontSizeHeading3:28}};function No({scopes:e}){let t=vo(),n=bo(),i=xo();return(0,b.useEffect)(()=>{e.length===1&&i(...e[0].key.split(`/`))},[e,i]),(0,w.jsxs)(r,{children:[(0,w.jsx)(g.Title,{level:1,style:{fontSize:24},children:t(`选择要进入的地方`,`Where to work`)}),e.length===0?(0,w.jsx)(c,{description:t(`此账号还没有任何角色，请联系管理员`,`This account has no role yet; ask an administrator`)}):(0,w.jsx)(y,{dataSource:e,renderItem:e=>(0,w.jsxs)(y.Item,{children:[(0,w.jsx)(`a`,{href:`#/${e.key}`,children:Ao(e,t)}),(0,w.jsx)(`span`,{children:e.roles.map(e=>n(`Role`,e)).join(`、`)})]})})]})}var Po=ci(`mutation SignInLogin($l: String!, $p: String!) {
  login(loginName: $l, password: $p) { token expiresAt account { id displayName } } }`);function Fo({onSignedIn:e}){let t=uo(),i=vo(),[a,o]=(0,b.useState)(null),[s,c]=(0,b.useState)(!1);return(0,w.jsxs)(r,{className:`signin`,style:{maxWidth:420,margin:`48px auto`},children:[(0,w.jsx)(g.Title,{level:1,style:{fontSize:26},children:i(`登录邻里`,`Sign in to Linli`)}),(0,w.jsx)(g.Paragraph,{children:i(`社区学院与共建共治平台`,`Community college and co-governance platform`)}),a&&(0,w.jsx)(m,{type:`error`,message:a,showIcon:!0,role:`alert`,style:{marginBottom:16}}),(0,w.jsxs)(p,{layout:`vertical`,onFinish:async({loginName:n,password:r})=>{c(!0),o(null);try{let{login:i}=await t.request(Po,{l:n.trim(),p:r});e(i)}catch(e){o(e.message)}finally{c(!1)}},requiredMark:!1,children:[(0,w.jsx)(p.Item,{label:i(`账号`,`Login name`),name:`loginName`,rules:[{required:!0,message:i(`请输入账号`,`Enter your login name`)}],children:(0,w.jsx)(_,{autoComplete:`username`,size:`large`,autoFocus:!0})}),(0,w.jsx)(p.Item,{label:i(`密码`,`Password`),name:`password`,rules:[{required:!0,message:i(`请输入密码`,`Enter your password`)}],children:(0,w.jsx)(_.Password,{autoComplete:`current-password`,size:`large`})}),(0,w.jsx)(n,{type:`primary`,htmlType:`submit`,size:`large`,block:!0,loading:s,children:i(`登录`,`Sign in`)})]})]})}var Io=`modulepreload`,Lo=function(e){return`/console/`+e},Ro={},zo={},Bo=function(e){return e.pathname.endsWith(`.css`)},Vo=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw delete e[t],n});return e[t]=i,i},Ho=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=Lo(t,n);let r=s(t),i=Bo(r);return Vo(Ro,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}let t=i?e.styles:e.all,n=i?zo[r.href]:void 0;if(!n&&t.has(r.href))return;let o=document.createElement(`link`);if(o.rel=i?`stylesheet`:Io,i||(o.as=`script`),o.crossOrigin=``,o.href=r.href,a&&o.setAttribute(`nonce`,a),n&&delete zo[r.href],n?.isConnected?n.replaceWith(o):document.head.appendChild(o),i)return new Promise((e,t)=>{let n=i=>{o.removeEventListener(`load`,n),o.removeEventListener(`error`,n),i.type===`error`?(zo[r.href]=o,t(Error(`Unable to preload CSS for ${r}`))):e(i)};o.addEventListener(`load`,n),o.addEventListener(`error`,n)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})},Uo={district:(0,b.lazy)(()=>Ho(()=>import(`./District-D5G9dzf4.js`),__vite__mapDeps([0,1,2,3,4,5]))),staff:(0,b.lazy)(()=>Ho(()=>import(`./Staff-BQdCFjpp.js`),__vite__mapDeps([6,1,2,3,5,7]))),grid:(0,b.lazy)(()=>Ho(()=>import(`./Grid-DjE986rv.js`),__vite__mapDeps([8,2,1,3,7,5]))),partner:(0,b.lazy)(()=>Ho(()=>import(`./Partner-DZS8t4mt.js`),__vite__mapDeps([9,2,1,3]))),resident:(0,b.lazy)(()=>Ho(()=>import(`./Resident-fa32KbyM.js`),__vite__mapDeps([10,1,2,3])))},Wo=(0,b.lazy)(()=>Ho(()=>import(`./Join-D_Or8bz6.js`),__vite__mapDeps([11,1,2]))),Go=ci(`mutation AppRenew { renewToken { token expiresAt account { id displayName } } }`),Ko=ci(`mutation AppLogout { logout }`),qo=ci(`query AppMe { me { account { id displayName loginName } memberships { role districtCode communitySlug } }
  districts { code name } myOrganisations { organisation { id name } } }`);function Jo(){let[e,t]=(0,b.useState)(go),[r,a]=To(),c=te(),l=(0,b.useMemo)(()=>co(r,e,()=>a(null),()=>c.invalidateQueries({predicate:e=>e.queryKey[0]!==`me`})),[r,e,a,c]),p=xo(),m=V(),_=(t,n)=>e===`en`?n:t;(0,b.useEffect)(()=>{document.documentElement.lang=e===`en`?`en`:`zh-CN`,localStorage.setItem(`linli.lang`,e)},[e]);let y=ht({queryKey:[`me`,r?.account.id,r?.joined],queryFn:()=>l.request(qo),enabled:!!r,staleTime:1/0});(0,b.useEffect)(()=>{y.error&&a(null)},[y.error,a]),(0,b.useEffect)(()=>{if(!r)return;let e=new Date(r.expiresAt).getTime()-Date.now(),t=setTimeout(()=>{l.request(Go).then(e=>a({...e.renewToken,joined:r.joined}),()=>{})},Math.max(6e4,e/2));return()=>clearTimeout(t)},[r]);let x=(0,b.useMemo)(()=>y.data?Oo(y.data.me.memberships,y.data.districts,y.data.myOrganisations.map(e=>e.organisation)):[],[y.data]),S=m.pathname.split(`/`).filter(Boolean).slice(0,2).map(decodeURIComponent).join(`/`),C=x.find(e=>e.key===S),ee=()=>{l.request(Ko).catch(()=>{}),a(null),c.clear(),p()},T;T=m.pathname.startsWith(`/join/`)?(0,w.jsx)(ur,{children:(0,w.jsx)(cr,{path:`/join/:slug/:code/*`,element:(0,w.jsx)(Yo,{session:r,onSignedIn:a})})}):r?y.data?(0,w.jsxs)(ur,{children:[Object.keys(Uo).map(e=>{let t=Uo[e];return(0,w.jsx)(cr,{path:`/${Eo[e]}/:scope/*`,element:C?.kind===e?(0,w.jsx)(t,{scope:C},C.key):(0,w.jsx)(No,{scopes:x})},e)}),(0,w.jsx)(cr,{path:`*`,element:(0,w.jsx)(No,{scopes:x})})]}):(0,w.jsx)(g.Paragraph,{children:_(`加载中…`,`Loading…`)}):(0,w.jsx)(Fo,{onSignedIn:a});let ne=m.pathname.endsWith(`/wall`);return(0,w.jsx)(ho.Provider,{value:e,children:(0,w.jsx)(o,{locale:e===`en`?s:v,theme:jo,button:{autoInsertSpace:!1},children:(0,w.jsx)(h,{children:(0,w.jsxs)(lo.Provider,{value:l,children:[(0,w.jsx)(`a`,{className:`skip-link`,href:`#main`,onClick:e=>{e.preventDefault(),document.getElementById(`main`)?.focus()},children:_(`跳到主要内容`,`Skip to main content`)}),(0,w.jsxs)(d,{className:`shell`,children:[!ne&&(0,w.jsxs)(d.Header,{className:`shell-header`,children:[(0,w.jsx)(`a`,{className:`brand`,href:`#/`,children:_(`邻里`,`Linli`)}),(0,w.jsxs)(f,{wrap:!0,size:`small`,className:`shell-tools`,children:[x.length>1&&(0,w.jsx)(i,{"aria-label":_(`切换身份`,`Switch role`),className:`scope-switch`,value:C?.key,placeholder:_(`切换身份`,`Switch role`),onChange:e=>p(...e.split(`/`)),options:x.map(e=>({value:e.key,label:Ao(e,_)}))}),(0,w.jsx)(n,{onClick:()=>t(e===`en`?`zh`:`en`),lang:e===`en`?`zh-CN`:`en`,children:e===`en`?`中文`:`English`}),r&&(0,w.jsxs)(w.Fragment,{children:[(0,w.jsx)(`span`,{className:`who`,children:y.data?.me.account.displayName}),(0,w.jsx)(n,{onClick:ee,children:_(`退出`,`Sign out`)})]})]})]}),(0,w.jsx)(d.Content,{id:`main`,tabIndex:-1,className:ne?`wall-main`:`shell-main`,children:(0,w.jsx)(b.Suspense,{fallback:(0,w.jsx)(u,{"aria-label":_(`加载中`,`Loading`)}),children:T})})]})]})})})})}function Yo({session:e,onSignedIn:t}){let{slug:n,code:r,"*":i}=Bn();return(0,w.jsx)(Wo,{slug:n,code:r,then:(i??``).split(`/`).filter(Boolean),session:e,onSignedIn:t})}var Xo=new st({defaultOptions:{queries:{staleTime:3e4,retry:1,refetchOnWindowFocus:!1}}});(0,oi.createRoot)(document.getElementById(`root`)).render((0,w.jsx)(ne,{client:Xo,children:(0,w.jsx)(Jr,{children:(0,w.jsx)(Jo,{})})}));export{ee as _,yo as a,vo as c,po as d,mo as f,Ee as g,ht as h,So as i,ao as l,ci as m,ko as n,bo as o,uo as p,xo as r,_o as s,Mo as t,fo as u};