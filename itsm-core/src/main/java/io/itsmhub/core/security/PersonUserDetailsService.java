package io.itsmhub.core.security;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Local logins from the people table; inactive users and users without a local password cannot log in. */
@Component
class PersonUserDetailsService implements UserDetailsService {

    private final PeopleService people;

    PersonUserDetailsService(PeopleService people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person person = people.find(username).filter(p -> p.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no local user"));
        return User.withUsername(person.getUsername())
                .password(person.getPasswordHash())
                .disabled(!person.isActive())
                .authorities(person.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
